/**
 * A chosen file's content as the API's JSON uploads expect it: text as it is,
 * or binary as base64 without the data-URL prefix.
 */
export function readUpload(file: File, as: 'text' | 'base64'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.onload = () => {
      const result = String(reader.result ?? '')
      resolve(as === 'base64' ? result.slice(result.indexOf(',') + 1) : result)
    }
    if (as === 'base64') reader.readAsDataURL(file)
    else reader.readAsText(file)
  })
}
