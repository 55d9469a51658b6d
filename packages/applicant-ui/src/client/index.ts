// The resident pages' client script: one small module, loaded by every page, that only adds to
// what works without it (ARCHITECTURE §6). It reads what the server put in the page — the
// `data-client` of a form page, the `data-` hooks of fields — and nothing else.
import type { ClientPageData } from '../client-data';
import { mainFormId } from '../names';
import { startDrafts } from './drafts';
import { startLiveForm } from './live-form';
import { startPostalLookup } from './postal';

const form = document.getElementById(mainFormId);
const main = form instanceof HTMLFormElement ? form : null;
let data: ClientPageData | undefined;
try {
  data = main?.dataset.client ? (JSON.parse(main.dataset.client) as ClientPageData) : undefined;
} catch {
  data = undefined;
}
if (main && data) {
  startLiveForm(main, data);
  if (data.postalCodes) startPostalLookup(main, data.postalCodes, data.text);
}
startDrafts(main, data);
