// Hur redigeraren läser och sparar en rapport. Decap CMS sparar annars om hela filen i sin egen
// stil (vikta rader, andra citattecken); här skrivs den i vb:s standardformat, samma som `vb fmt`,
// så att en ändrad uppgift blir en ändrad rad i filen.
import { Document, parseDocument } from 'yaml';

// Samma val som generator/yamlfmt.py gör: listor utan extra indrag, inga radbrytningar i långa
// rader, enkla citattecken och flerradiga texter som block (|).
export const OPTIONS = { indentSeq: false, lineWidth: 0, singleQuote: true, blockQuote: 'literal' };

export function fromFile(text) {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(doc.errors.map(e => e.message).join('\n'));
  return doc.toJSON();
}

// Nycklarna i modellens ordning (nycklar.json skrivs av vb ur modellen), okända nycklar sist i
// den ordning de stod: redigeraren blandar annars om nycklarna i stora objekt.
export function ordered(value, name, order) {
  if (Array.isArray(value)) return value.map(item => ordered(item, name, order));
  if (value === null || typeof value !== 'object') return value;
  const model = (name && order.models[name]) || { keys: [], sub: {}, numbers: [], mixed: [] };
  const keys = Object.keys(value);
  const known = model.keys.filter(key => keys.includes(key));
  const rest = keys.filter(key => !model.keys.includes(key));
  const out = {};
  for (const key of [...known, ...rest]) {
    let item = ordered(value[key], model.sub[key], order);
    if (model.numbers.includes(key) || model.mixed.includes(key)) item = typed(item, model.numbers.includes(key));
    out[key] = item;
  }
  return out;
}

// Ett tal som står som text i ett formulärfält blir ett tal; ett tömt sifferfält blir null.
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
function typed(value, onlyNumber) {
  if (Array.isArray(value)) return value.map(item => typed(item, onlyNumber));
  if (typeof value !== 'string') return value;
  if (onlyNumber && value.trim() === '') return null;
  return NUMBER.test(value.trim()) ? Number(value.trim()) : value;
}

export function toFile(data, order) {
  const doc = new Document(ordered(data, order.root, order));
  return doc.toString(OPTIONS);
}

// Formatet som Decap CMS registrerar (CMS.registerCustomFormat).
export function format(order) {
  return { fromFile, toFile: data => toFile(data, order) };
}
