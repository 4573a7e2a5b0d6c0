import { SaxesParser } from 'saxes'

/**
 * A small namespace-aware XML tree: elements are named by namespace URI and
 * local name, so a notice reads the same whatever prefixes its writer chose.
 * Text is kept per element (trimmed); mixed content is not needed for notices.
 */
export interface XmlElement {
  ns: string
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
  line: number
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message)
  }
}

/** Parses a whole document; throws XmlSyntaxError with the position of the first error. */
export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  let failure: XmlSyntaxError | undefined
  parser.on('error', (error) => {
    failure ??= new XmlSyntaxError(error.message.replace(/^[^:]*:\d+:\d+: /, ''), parser.line, parser.column)
  })
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const attribute of Object.values(tag.attributes)) {
      if (
        typeof attribute === 'object' &&
        attribute.uri !== 'http://www.w3.org/2000/xmlns/' &&
        attribute.prefix !== 'xmlns'
      )
        attributes[attribute.local] = attribute.value
    }
    const element: XmlElement = {
      ns: tag.uri ?? '',
      name: tag.local ?? tag.name,
      attributes,
      children: [],
      text: '',
      line: parser.line,
    }
    if (stack.length > 0) stack.at(-1)!.children.push(element)
    else root = element
    stack.push(element)
  })
  parser.on('text', (text) => {
    if (stack.length > 0) stack.at(-1)!.text += text
  })
  parser.on('cdata', (text) => {
    if (stack.length > 0) stack.at(-1)!.text += text
  })
  parser.on('closetag', () => {
    const element = stack.pop()
    if (element) element.text = element.text.trim()
  })
  try {
    parser.write(source).close()
  } catch (error) {
    failure ??= new XmlSyntaxError(error instanceof Error ? error.message : String(error), parser.line, parser.column)
  }
  if (failure) throw failure
  if (!root) throw new XmlSyntaxError('the file holds no XML element', 1, 0)
  return root
}

/** Namespaces of UBL 2.3 and the eForms extensions, by their usual prefixes. */
export const NS = {
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  ext: 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
  efac: 'http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1',
  efext: 'http://data.europa.eu/p27/eforms-ubl-extensions/1',
  efbc: 'http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1',
} as const

type Step = `${keyof typeof NS}:${string}`

function matches(element: XmlElement, step: Step): boolean {
  const [prefix, name] = step.split(':') as [keyof typeof NS, string]
  return element.name === name && element.ns === NS[prefix]
}

/** All elements at the end of a path of child steps, e.g. `all(lot, 'cac:ProcurementProject', 'cbc:Name')`. */
export function all(from: XmlElement | undefined, ...path: Step[]): XmlElement[] {
  let level = from ? [from] : []
  for (const step of path) level = level.flatMap((element) => element.children.filter((c) => matches(c, step)))
  return level
}

export const first = (from: XmlElement | undefined, ...path: Step[]): XmlElement | undefined => all(from, ...path)[0]

/** The trimmed text at the end of a path, or undefined when absent or empty. */
export function textAt(from: XmlElement | undefined, ...path: Step[]): string | undefined {
  const text = first(from, ...path)?.text
  return text ? text : undefined
}

/** The eForms extension of a notice or of one of its parts. */
export const extensionOf = (element: XmlElement | undefined) =>
  first(element, 'ext:UBLExtensions', 'ext:UBLExtension', 'ext:ExtensionContent', 'efext:EformsExtension')
