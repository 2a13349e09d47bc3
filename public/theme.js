// Applies the saved or system colour scheme before first paint (an external file, so a
// strict Content-Security-Policy can forbid inline scripts).
(function () {
  try {
    var saved = localStorage.getItem("switchyard-theme");
    var dark = saved ? saved === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.classList.toggle("dark", dark);
  } catch (e) {}
})();
