// Keyboard shortcuts for the moderation queue: j and k move between comments, a approves, s marks
// as spam, t trashes. Without JavaScript every action is a plain button.
(() => {
  "use strict";
  const items = Array.from(document.querySelectorAll(".queue .queued"));
  if (items.length === 0) {
    return;
  }

  items.forEach((item) => item.setAttribute("tabindex", "-1"));
  // The help names keys that work only with this script, so it is shown by it.
  document.querySelectorAll("[data-keyboard-help]").forEach((help) => { help.hidden = false; });
  let current = -1;
  const focus = (index) => {
    current = Math.max(0, Math.min(items.length - 1, index));
    items[current].focus();
  };
  const press = (action) => {
    // Only on the comment that has the focus: after moving away (a Tab to the menu, a click elsewhere), a
    // stray key must not act on the comment last reached.
    if (current < 0 || !items[current].contains(document.activeElement)) {
      return;
    }

    const button = items[current].querySelector(`button[value^="${action}:"]`);
    if (button) {
      button.click();
    }
  };

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey || target.matches("input, textarea, select") || target.isContentEditable) {
      return;
    }

    const actions = { a: "approve", s: "spam", t: "trash" };
    if (event.key === "j") {
      focus(current + 1);
    } else if (event.key === "k") {
      focus(current - 1);
    } else if (actions[event.key]) {
      press(actions[event.key]);
    } else {
      return;
    }

    event.preventDefault();
  });
})();
