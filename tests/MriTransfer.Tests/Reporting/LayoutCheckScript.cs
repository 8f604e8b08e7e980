namespace MriTransfer.Tests.Reporting;

/// <summary>
/// The page script of <see cref="HeadlessChromium.LayoutProblems"/>: after load it lists, one sentence each,
/// (1) every element in the body whose content is wider than its box (scrollWidth &gt; clientWidth + 1, the measure of
/// text that runs out of its element), (2) a page wider than the window, (3) every &lt;img&gt; with a dark pixel
/// (a channel below 160 of 255) in its outermost two pixels: the figures have a white margin, so ink there is text,
/// a line or a legend cut off by the image's edge. The list goes into a JSON script element the test reads back.
/// </summary>
internal static class LayoutCheckScript
{
    public const string Html = """
        <script>
        window.addEventListener('load', () => {
          const problems = [];
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
            (el.getAttribute('data-file') ? '[' + el.getAttribute('data-file') + ']' : '') +
            ' "' + (el.textContent || el.getAttribute('alt') || '').trim().slice(0, 60) + '"';
          for (const el of document.body.querySelectorAll('*')) {
            if (el.tagName === 'SCRIPT' || el.tagName === 'IMG' || el.clientWidth === 0) continue;
            if (el.scrollWidth > el.clientWidth + 1)
              problems.push(`${name(el)}: content ${el.scrollWidth} px wide in a ${el.clientWidth} px box`);
          }
          if (document.documentElement.scrollWidth > window.innerWidth + 1)
            problems.push(`page: ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window`);
          for (const img of document.images) {
            const w = img.naturalWidth, h = img.naturalHeight;
            if (!w || !h) { problems.push(`${name(img)}: not decoded`); continue; }
            const canvas = document.createElement('canvas');
            canvas.width = w; canvas.height = h;
            const ctx = canvas.getContext('2d');
            ctx.drawImage(img, 0, 0);
            const px = ctx.getImageData(0, 0, w, h).data;
            const dark = (x, y) => { const i = 4 * (y * w + x); return Math.min(px[i], px[i + 1], px[i + 2]) < 160; };
            const hits = { top: 0, bottom: 0, left: 0, right: 0 };
            for (let d = 0; d < Math.min(2, w, h); d++) {
              for (let x = 0; x < w; x++) { if (dark(x, d)) hits.top++; if (dark(x, h - 1 - d)) hits.bottom++; }
              for (let y = 0; y < h; y++) { if (dark(d, y)) hits.left++; if (dark(w - 1 - d, y)) hits.right++; }
            }
            for (const [edge, n] of Object.entries(hits))
              if (n > 0) problems.push(`${name(img)}: ${n} dark pixels on its ${edge} edge (${w}×${h}): something is cut off there`);
          }
          const out = document.createElement('script');
          out.type = 'application/json';
          out.id = 'mt-layout-problems';
          out.textContent = JSON.stringify(problems).replace(/</g, '\\u003c');
          document.body.appendChild(out);
          document.body.setAttribute('data-checked', 'done');
        });
        </script>
        """;
}
