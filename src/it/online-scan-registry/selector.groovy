// runs only where Debian's docker-registry and htpasswd are installed (.ci/run installs them)
def onPath = { tool -> System.getenv('PATH').split(File.pathSeparator).any { new File(it, tool).canExecute() } }
return onPath('docker-registry') && onPath('htpasswd')
