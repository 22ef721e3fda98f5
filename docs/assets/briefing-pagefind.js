// The Pagefind search box of a large briefing (generator/theme/partials/search.html). The bundle is
// found from this script's own address, which MkDocs' `url` filter made right at any depth (the 404
// page included); the other parts of an index built in parts are merged by absolute path, as
// Pagefind derives the pages' URLs from a bundle's path.
(function () {
  var bundle = new URL("../pagefind/", document.currentScript.src);
  window.addEventListener("DOMContentLoaded", function () {
    var parts = (window.briefingPagefindParts || []).map(function (folder) {
      return { bundlePath: new URL(folder, bundle).pathname };
    });
    new PagefindUI({ element: "#briefing-pagefind", showImages: false, showSubResults: true, mergeIndex: parts });
  });
})();
