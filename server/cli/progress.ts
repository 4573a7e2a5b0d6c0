/** A progress bar on stderr (redrawn in place on a terminal, one line per step otherwise). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastLine = ''
  return (done: number, total: number) => {
    const width = 30
    const ratio = total === 0 ? 1 : Math.min(1, done / total)
    const filled = Math.round(ratio * width)
    const line = `${label.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${(ratio * 100).toFixed(0)}%`
    if (line === lastLine) return
    lastLine = line
    stream.write(stream.isTTY ? `\r${line}${done >= total ? '\n' : ''}` : `${line}\n`)
  }
}
