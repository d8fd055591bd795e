import java.util.zip.GZIPOutputStream

// a real registry with htpasswd auth on 127.0.0.1:55123 (settings.xml has <server><id>127.0.0.1:55123</id>)
binding.setVariable('registryPort', 55123)
def registry = new GroovyShell(binding).evaluate(new File(basedir, '../../../src/it/registry.groovy'))
def bytes = new ByteArrayOutputStream()
new GZIPOutputStream(bytes).withCloseable { it.write('chart app'.bytes) }
registry.pushChart('charts/app', 'app', '1.0.0', bytes.toByteArray())
return true
