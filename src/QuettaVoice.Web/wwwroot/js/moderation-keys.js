// Keyboard shortcuts for the moderation queue: j and k move between comments, a approves, s marks
// as spam, t trashes. Without JavaScript every action is a plain button.
(() => {
  "use strict";
  const items = Array.from(document.querySelectorAll(".queue .queued"));
  if (items.length === 0) {
    return;
  }

  items.forEach((item) => item.setAttribute("tabindex", "-1"));
  let current = -1;
  const focus = (index) => {
    current = Math.max(0, Math.min(items.length - 1, index));
    items[current].focus();
  };
  const press = (action) => {
    if (current < 0) {
      return;
    }

    const button = items[current].querySelector(`button[value^="${action}:"]`);
    if (button) {
      button.click();
    }
  };

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey || target.matches("input, textarea, select")) {
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
