/** Build-time facts about each chart's embed: URLs, image names and sizes, the embed code. */
import type { ChartSpec } from '../charts/types';
import { absolute } from '../lib/paths';
import { xml } from '../charts/export/text';

export const embedUrl = (id: string, site: URL | undefined) => absolute(`embed/${id}/`, site);
export const imageName = (id: string, cohort: string, ext: 'svg' | 'png') => `images/${id}.${cohort}.${ext}`;
export const storySectionUrl = (spec: ChartSpec, site: URL | undefined) => absolute(`#${spec.section}`, site);

/**
 * The copy-and-paste embed code: a responsive iframe plus a few lines that listen for its height.
 * The listener accepts a message only from this iframe's window, only in the Datawrapper format,
 * and only a sane number of pixels.
 */
export function embedCode(spec: ChartSpec, site: URL | undefined, initialHeight: number): string {
  const src = embedUrl(spec.id, site);
  const frameId = `ttt-${spec.id}`;
  return `<iframe id="${frameId}" src="${xml(src)}" title="${xml(spec.title)}" width="100%" height="${initialHeight}" style="width:100%;border:0" scrolling="no" loading="lazy"></iframe>
<script>(function(){var f=document.getElementById(${JSON.stringify(frameId)});window.addEventListener("message",function(e){if(!f||e.source!==f.contentWindow)return;var d=e.data&&e.data["datawrapper-height"];var h=d&&Number(d[${JSON.stringify(spec.id)}]);if(h>0&&h<20000)f.style.height=Math.ceil(h)+"px";});})();</script>`;
}

/** The pym.js variant, for newsrooms that already load pym. */
export function pymCode(spec: ChartSpec, site: URL | undefined): string {
  const src = embedUrl(spec.id, site);
  return `<div id="ttt-pym-${spec.id}"></div>
<script src="https://pym.nprapps.org/pym.v1.min.js"></script>
<script>new pym.Parent(${JSON.stringify(`ttt-pym-${spec.id}`)}, ${JSON.stringify(src)}, {title: ${JSON.stringify(spec.title)}});</script>`;
}

