// A single updating progress line on a terminal; periodic plain lines otherwise (CI logs).
export function progressLine(stream: NodeJS.WriteStream = process.stderr) {
  // Off a terminal, only long work prints progress, and at most every 2 s.
  let last = Date.now()
  let shown = false
  return {
    update(msg: string) {
      const now = Date.now()
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${msg}`)
        shown = true
      } else if (now - last > 2000) {
        stream.write(`${msg}\n`)
        last = now
      }
    },
    done() {
      if (shown && stream.isTTY) stream.write('\r\x1b[2K')
      shown = false
    },
  }
}
