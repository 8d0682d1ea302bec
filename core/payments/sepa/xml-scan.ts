/**
 * A minimal XML reader for files we wrote ourselves (pain.008): elements, attributes as raw
 * text, and text content with the five predefined entities. It is not a general parser (no
 * DTD, no CDATA): it exists so the EPC rule check reads the bytes the bank will get, without
 * a DOM that core/ cannot rely on.
 */
export interface XmlNode {
  name: string;
  attributes: string;
  children: XmlNode[];
  text: string;
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)([^<>]*?)(\/?)>|([^<]+)/g;
const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, name: string) => {
    if (name[0] !== '#') return NAMED[name]!;
    return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
  });
}

/** The root element, or a French message saying why the text is not well-formed. */
export function scanXml(xml: string): XmlNode | string {
  const root: XmlNode = { name: '#root', attributes: '', children: [], text: '' };
  const stack = [root];
  let consumed = 0;
  for (const match of xml.matchAll(TOKEN)) {
    if (match.index !== consumed) return `XML mal formé vers le caractère ${consumed} : balise incomplète.`;
    consumed += match[0].length;
    const [, closing, rawName, attributes = '', selfClosing, text] = match;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.text += decode(text);
      continue;
    }
    if (rawName === undefined) continue; // comment or processing instruction
    const name = rawName.includes(':') ? rawName.slice(rawName.indexOf(':') + 1) : rawName;
    if (closing) {
      if (top.name !== name) return `XML mal formé : </${name}> ferme <${top.name}>.`;
      // Indentation between child elements is not content; a leaf keeps its text exactly.
      if (top.children.length > 0) top.text = top.text.trim();
      stack.pop();
      continue;
    }
    const node: XmlNode = { name, attributes, children: [], text: '' };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  if (consumed !== xml.length) return 'XML mal formé : fin de fichier inattendue.';
  if (stack.length !== 1) return `XML mal formé : <${stack[stack.length - 1]!.name}> n’est pas fermé.`;
  const elements = root.children;
  if (elements.length !== 1) return 'XML mal formé : le fichier doit avoir un seul élément racine.';
  if (root.text.trim()) return 'XML mal formé : du texte se trouve hors de l’élément racine.';
  return elements[0]!;
}

/** The first element at a slash-separated path below `node`, if any. */
export function at(node: XmlNode | undefined, path: string): XmlNode | undefined {
  let current = node;
  for (const name of path.split('/')) {
    if (!current) return undefined;
    current = current.children.find((child) => child.name === name);
  }
  return current;
}

export function all(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((child) => child.name === name) : [];
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(node.attributes);
  return match ? decode(match[2] ?? match[3] ?? '') : undefined;
}
