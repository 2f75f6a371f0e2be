// The course website's own script, on top of sphinx-book-theme.
//
// sphinx-book-theme 1.4.0 with pydata-sphinx-theme 0.20.0 puts two buttons of
// each kind on a page (one in the top bar, hidden in this layout, and one above
// the article), and both themes bind their click handlers to the first, hidden
// one only: the visible buttons did nothing, so on a phone the course's table of
// contents could not be opened. A click on a visible button is passed on to the
// first one, which hides or shows the sidebar on a desktop and opens it as a
// menu on a phone.
document.addEventListener("DOMContentLoaded", () => {
  for (const kind of ["primary-toggle", "secondary-toggle"]) {
    const [first, ...others] = document.querySelectorAll(`button.${kind}`);
    for (const button of others) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        first.click();
      });
    }
  }
});
