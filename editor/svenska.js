// Svenska texter som saknas i Decap CMS svenska översättning (de visas annars på engelska).
const MISSING = {
  list: { add: 'Lägg till %{item}', addType: 'Lägg till %{item}' },
  object: { expand: 'Visa', collapse: 'Dölj' },
  datetime: { now: 'Nu', clear: 'Rensa', setToNow: 'Sätt %{fieldLabel} till nu' },
};

export function completeSwedish(cms) {
  const sv = cms.getLocale('sv') || {};
  const editor = sv.editor || {};
  const widgets = { ...(editor.editorWidgets || {}) };
  for (const [name, phrases] of Object.entries(MISSING)) widgets[name] = { ...phrases, ...(widgets[name] || {}) };
  cms.registerLocale('sv', { ...sv, editor: { ...editor, editorWidgets: widgets } });
}
