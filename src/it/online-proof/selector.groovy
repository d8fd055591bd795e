// runs only where Debian's docker-registry, htpasswd and tar are installed (.ci/run installs the first two)
// and where the fixed ports 55125 (the registry, named by a server id in ../settings.xml) and 55126 (the Helm
// repository) are free
def onPath = { tool -> System.getenv('PATH').split(File.pathSeparator).any { new File(it, tool).canExecute() } }
def portFree = { int port ->
  try {
    new ServerSocket(port, 0, InetAddress.getByName('127.0.0.1')).close()
    return true
  } catch (IOException e) {
    println "online-proof skipped: 127.0.0.1:${port} is in use"
    return false
  }
}
return onPath('docker-registry') && onPath('htpasswd') && onPath('tar') && portFree(55125) && portFree(55126)
