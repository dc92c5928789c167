// Entry of the engine utility process (out/main/engine.js): serveEngine (src/services/engine-process) over Electron's
// parentPort. The main process passes the packed MNIST folder as `--mnist-dir=DIR`, because
// a utility process cannot ask `app` where the resources are.
import { loadMnist } from '../services/mnist'
import type { HostMessage } from '../services/engine-process/messages'
import { serveEngine } from '../services/engine-process/serve'

const MNIST_FLAG = '--mnist-dir='
const mnistDir = process.argv.find((a) => a.startsWith(MNIST_FLAG))?.slice(MNIST_FLAG.length)
const port = process.parentPort

serveEngine(
  {
    post: (msg) => port.postMessage(msg),
    onMessage: (cb) => port.on('message', (e) => cb(e.data as HostMessage))
  },
  { loadMnist: () => loadMnist(mnistDir) }
)
