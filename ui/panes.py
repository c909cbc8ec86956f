"""The interview page's two panes: the chat and the map scroll inside their own boxes,
and after each message the newest reply is brought into view.

Why JavaScript: Streamlit keeps a chat page scrolled to its bottom, which on a phone
(columns stacked, the map below the chat) is the end of the map, thousands of pixels
below the reply. The script is this module's constant text (only a number changes),
never anything a user typed.
"""

from __future__ import annotations

import streamlit as st

CHAT_KEY, MAP_KEY = "chat_pane", "map_pane"

# The panes fill the window's height less the page's top and the chat input below;
# Streamlit's own fixed height (the `height` given to st.container) is the fallback.
_CSS = f"""<style>
.st-key-{CHAT_KEY} {{ height: max(340px, calc(100dvh - 250px)) !important; }}
.st-key-{MAP_KEY} {{ height: max(300px, calc(100dvh - 310px)) !important; }}
</style>"""

# Scroll the chat pane so the newest reply shows from its first line, then move the
# page (only as far as needed) so the pane is on screen. Repeated briefly, because
# Streamlit keeps laying out (and scrolling) for a moment after a run.
_SCRIPT = """<script>
(() => {
  const turn = %d;
  if (window.__polkuopasTurn === turn) return;  // same turn: leave the user's scrolling be
  const show = () => {
    const pane = document.querySelector('.st-key-%s');
    if (!pane) return;
    const messages = pane.querySelectorAll('[data-testid="stChatMessage"]');
    if (!messages.length) return;
    const last = messages[messages.length - 1];
    let box = last.parentElement;
    while (box && box !== document.body && box.scrollHeight <= box.clientHeight + 1) {
      box = box.parentElement;
    }
    if (box && box !== document.body) {
      const offset = last.getBoundingClientRect().top - box.getBoundingClientRect().top;
      box.scrollTop += Math.min(offset, box.scrollHeight);
    }
    pane.scrollIntoView({block: 'nearest'});
    window.__polkuopasTurn = turn;
  };
  [60, 300, 800, 1500].forEach((ms) => setTimeout(show, ms));
})();
</script>"""


def pane_style() -> None:
    """The panes' heights (a style-only element takes no room on the page)."""
    st.html(_CSS)


def keep_newest_in_view(turn: int) -> None:
    """After each run, scroll the newest reply into view; `turn` makes each run's
    script new, so the browser runs it again."""
    st.html(_SCRIPT % (turn, CHAT_KEY), unsafe_allow_javascript=True)
