// runs only where Debian's docker-registry and htpasswd are installed (.ci/run installs them)
// and where the fixed port 55123 (named by the server id in ../settings.xml) is free
def onPath = { tool -> System.getenv('PATH').split(File.pathSeparator).any { new File(it, tool).canExecute() } }
def portFree = {
  try {
    new ServerSocket(55123, 0, InetAddress.getByName('127.0.0.1')).close()
    return true
  } catch (IOException e) {
    println 'online-scan-registry skipped: 127.0.0.1:55123 is in use'
    return false
  }
}
return onPath('docker-registry') && onPath('htpasswd') && portFree()
