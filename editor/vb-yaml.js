// Hur redigeraren läser och sparar en rapport. Decap CMS sparar annars om hela filen i sin egen
// stil (vikta rader, andra citattecken); här skrivs den i vb:s standardformat, samma som `vb fmt`,
// så att en ändrad uppgift blir en ändrad rad i filen.
import { Document, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';

// Samma val som generator/yamlfmt.py gör: listor utan extra indrag, inga radbrytningar i långa
// rader, enkla citattecken och flerradiga texter som block (|).
export const OPTIONS = { indentSeq: false, lineWidth: 0, singleQuote: true, blockQuote: 'literal' };

// Tal som står med nollor sist i decimalerna (0.0, 2.50) skrivs så igen: JavaScript skiljer inte
// 8.0 från 8, så redigeraren minns hur talen stod i filen när den lästes, per rapport och plats.
const FIGURES = new Map();

function figures(node, path, found) {
  if (isMap(node)) for (const pair of node.items) figures(pair.value, [...path, String(isScalar(pair.key) ? pair.key.value : pair.key)], found);
  else if (isSeq(node)) node.items.forEach((item, index) => figures(item, [...path, index], found));
  else if (isScalar(node) && typeof node.value === 'number' && node.minFractionDigits) {
    found.set(JSON.stringify(path), { value: node.value, digits: node.minFractionDigits });
  }
  return found;
}

function restore(node, path, found) {
  if (isMap(node)) for (const pair of node.items) restore(pair.value, [...path, String(isScalar(pair.key) ? pair.key.value : pair.key)], found);
  else if (isSeq(node)) node.items.forEach((item, index) => restore(item, [...path, index], found));
  else if (isScalar(node) && typeof node.value === 'number') {
    const figure = found.get(JSON.stringify(path));
    if (figure && figure.value === node.value) node.minFractionDigits = figure.digits;
  }
}

const reportOf = data => (data && typeof data === 'object' ? `${data.organisation}/${data.ar}/${data.period}` : '');

export function fromFile(text) {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(doc.errors.map(e => e.message).join('\n'));
  const data = doc.toJSON();
  FIGURES.set(reportOf(data), figures(doc.contents, [], new Map()));
  return data;
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

// En text av bara mellanslag, tabbar och radbrytningar (med något blanktecken) skrivs inom
// dubbla citattecken, som i generator/authoring/yamlfmt.py: ett block (|) tappar mellanslagen.
const BLANK_LINES = /^(?=[ \t\n]*$)(?=.*[ \t])(?=.*\n)/s;
// Likaså en text med flera rader där någon rad är indragen med tabb: vb check godtar inte tabbindrag (VB006).
const TAB_LED_LINE = /^[ \t]*\t[ \t]*[^ \t\n]/m;
// Och en text med radavgränsare (U+2028, U+2029, NEL; följer med från Word och webbsidor): vb läser
// YAML 1.1, där de bryter raden, redigeraren YAML 1.2, där de är text. Bara inom dubbla citattecken,
// skrivna som \L, \P och \N, läses de lika av båda.
const LINE_SEPARATOR = /[\x85\u2028\u2029]/;
const SEPARATOR_ESCAPES = { '\x85': '\\N', '\u2028': '\\L', '\u2029': '\\P' };
function needsDoubleQuotes(value) {
  return BLANK_LINES.test(value) || LINE_SEPARATOR.test(value) || (value.includes('\n') && TAB_LED_LINE.test(value));
}
function quoteBlankLines(doc) {
  visit(doc, { Scalar(_, node) { if (typeof node.value === 'string' && needsDoubleQuotes(node.value)) node.type = 'QUOTE_DOUBLE'; } });
}

// En text som ser ut som ett datum (2021-05-27) läser vb som ett datum (YAML 1.1), redigeraren som
// text: utanför modellens datumfält skrivs den inom citattecken, som `vb fmt` skriver den.
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
function quoteDateTexts(node, name, order) {
  const model = (name && order.models[name]) || { sub: {}, dates: [] };
  if (!isMap(node)) return;
  for (const pair of node.items) quoteDateIn(pair.value, String(isScalar(pair.key) ? pair.key.value : pair.key), model, order);
}
function quoteDateIn(value, key, model, order) {
  if (isMap(value)) quoteDateTexts(value, model.sub[key], order);
  else if (isSeq(value)) value.items.forEach(item => quoteDateIn(item, key, model, order));
  else if (isScalar(value) && typeof value.value === 'string' && DATE.test(value.value) && !(model.dates || []).includes(key)) {
    value.type = 'QUOTE_SINGLE';
  }
}

export function toFile(data, order) {
  const doc = new Document(ordered(data, order.root, order));
  restore(doc.contents, [], FIGURES.get(reportOf(data)) || new Map());
  quoteBlankLines(doc);
  quoteDateTexts(doc.contents, order.root, order);
  // yaml skriver tecknen som de är även inom dubbla citattecken; alla texter med dem står inom sådana
  // (nycklar också), så varje förekomst i filen kan bytas mot sin escape.
  return doc.toString(OPTIONS).replace(/[\x85\u2028\u2029]/g, ch => SEPARATOR_ESCAPES[ch]);
}

// Formatet som Decap CMS registrerar (CMS.registerCustomFormat).
export function format(order) {
  return { fromFile, toFile: data => toFile(data, order) };
}
