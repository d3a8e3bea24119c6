// The check page's HTML: a draft box, the checked text with findings highlighted, and the list of what to fix.
// web/serve.js brings it to life; no inline script or style, so the page's policy can forbid both.

/** The page. It holds no draft and no token: the token comes from the address the user opened (#token=…). */
export function pageHtml(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>phi-lint: check a draft</title>
<link rel="stylesheet" href="/serve.css">
<script src="/serve.js" defer></script>
</head>
<body>
<header>
  <h1>Check a draft before you post it</h1>
  <p class="lead">Paste or type a draft, or drop a file on the box. phi-lint highlights patient information and
  professionalism problems and suggests what to write instead. Nothing leaves this computer.</p>
</header>
<main>
  <div class="workspace">
    <section class="editor" aria-labelledby="draft-label">
      <div class="row">
        <h2><label id="draft-label" for="draft">Your draft</label></h2>
        <span id="file-name" class="file-name"></span>
      </div>
      <textarea id="draft" spellcheck="true" aria-describedby="draft-help" placeholder="Paste your draft here, or drop a file on this box."></textarea>
      <p id="draft-help" class="help">Checked as you type. Files: Markdown, text and the other formats the phi-lint command reads.</p>
      <div class="row actions">
        <button type="button" id="copy">Copy the text</button>
        <input type="file" id="file" class="visually-hidden">
        <label class="button" for="file">Open a file…</label>
        <span id="copy-status" class="copy-status" role="status"></span>
      </div>
    </section>
    <section class="checked" aria-labelledby="checked-heading">
      <h2 id="checked-heading">Checked text</h2>
      <p id="status" class="status" role="status" aria-live="polite">Type or paste a draft to check it.</p>
      <div id="highlighted" class="draft-view" aria-describedby="keys-help"></div>
      <p id="keys-help" class="help">Tab moves to each highlighted problem; Enter applies its first suggestion.
      E marks an error (solid underline), W a warning (dashed).</p>
    </section>
  </div>
  <section class="findings-section" aria-labelledby="findings-heading">
    <h2 id="findings-heading">What to fix</h2>
    <ol id="findings" class="findings"></ol>
  </section>
</main>
<div id="tip" class="tip" aria-hidden="true" hidden></div>
</body>
</html>
`;
}
