"""This browser's memory of its owner keys: localStorage, through a tiny first-party
component (st.components.v2, part of Streamlit: nothing to download, works offline).

The keys are also in the private link, which stays the way to move to another device.
Keys to add or remove are passed in as data on every page; only My interviews asks the
browser to report its list back, because a report means one more script run (which
would swallow a one-off message elsewhere). Nothing is sent anywhere else.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

_JS = """
export default function (component) {
  const { data, setStateValue } = component;
  const NAME = "polkuopas.owner-keys";
  let keys = [];
  try { keys = JSON.parse(window.localStorage.getItem(NAME) || "[]"); } catch (e) { keys = []; }
  if (!Array.isArray(keys)) keys = [];
  const ok = (k) => typeof k === "string" && /^[A-Za-z0-9_-]{32,128}$/.test(k);
  const drop = new Set(((data && data.remove) || []).filter(ok));
  let next = keys.filter((k) => ok(k) && !drop.has(k));
  for (const k of ((data && data.add) || []).filter(ok)) { if (!next.includes(k)) next.push(k); }
  next = next.slice(-200);
  try { window.localStorage.setItem(NAME, JSON.stringify(next)); } catch (e) { /* private mode */ }
  // Report until Python shows it has the list: a report sent while the page is still
  // starting up can be lost, so it is repeated once a second, at most five times.
  clearTimeout(window.__polkuopasKeyring);
  const same = JSON.stringify((data && data.known) || null) === JSON.stringify(next);
  if (data && data.report && !same) {
    let tries = 0;
    const report = () => {
      setStateValue("keys", next);
      if (++tries < 5) window.__polkuopasKeyring = setTimeout(report, 1000);
    };
    report();
  }
}
"""


@st.cache_resource(show_spinner=False)
def _component() -> Any:
    return st.components.v2.component("polkuopas_keyring", js=_JS)


def sync_keys(*, report: bool) -> None:
    """Mount the bridge: push pending adds/removes; with `report`, read the stored keys."""
    add, remove = st.session_state["keys_add"], st.session_state["keys_remove"]
    st.session_state["keyring_reporting"] = report
    if not report and not add and not remove:
        return
    try:
        result = _component()(
            key="keyring",
            data={
                "add": list(add),
                "remove": list(remove),
                "report": report,
                "known": st.session_state["stored_keys"],
            },
            default={"keys": None},
            on_keys_change=lambda: None,
            height=0,
        )
        keys = result.get("keys") if hasattr(result, "get") else getattr(result, "keys", None)
    except Exception:  # no browser (AppTest) or an old Streamlit: the link still works
        return
    if isinstance(keys, list):
        stored = [k for k in keys if isinstance(k, str)]
        st.session_state["stored_keys"] = stored
        # Done once the browser reports it: stop asking.
        st.session_state["keys_add"] = [k for k in add if k not in stored]
        st.session_state["keys_remove"] = [k for k in remove if k in stored]


def forget_key(token: str) -> None:
    st.session_state["owned"].pop(token, None)
    st.session_state["keys_add"] = [k for k in st.session_state["keys_add"] if k != token]
    st.session_state["keys_remove"] = sorted({*st.session_state["keys_remove"], token})
    stored = st.session_state["stored_keys"] or []
    st.session_state["stored_keys"] = [k for k in stored if k != token]


def known_keys() -> list[str]:
    """Owner keys this browser holds: this session's and its storage's."""
    stored = st.session_state["stored_keys"] or []
    removed = set(st.session_state["keys_remove"])
    keys = [*st.session_state["owned"], *stored]
    return [k for k in dict.fromkeys(keys) if k not in removed]


def busy() -> bool:
    """True when the browser is about to report its keys, which reruns the script."""
    pending = st.session_state["keys_add"] or st.session_state["keys_remove"]
    return bool(
        st.session_state.get("keyring_reporting")
        and (st.session_state["stored_keys"] is None or pending)
    )
