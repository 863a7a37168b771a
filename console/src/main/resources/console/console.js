// Swarmboard console. Every text from the blackboard is model or user text: it is only ever set
// through textContent (never innerHTML), so it cannot become markup or script.
"use strict";

const token = new URLSearchParams(location.search).get("token");
let stream = null;

function api(path) {
  return token ? path + (path.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token) : path;
}

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function age(iso) {
  if (!iso) return "";
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  return s < 60 ? s + " s" : s < 3600 ? Math.round(s / 60) + " min" : Math.round(s / 3600) + " h";
}

function usd(value) { return "$" + Number(value || 0).toFixed(4); }

function open(path, event, render) {
  if (stream) stream.close();
  stream = new EventSource(api(path));
  stream.addEventListener(event, message => {
    render(JSON.parse(message.data));
    document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
  });
  stream.onopen = () => { document.getElementById("connection").textContent = "live"; };
  stream.onerror = () => { document.getElementById("connection").textContent = "reconnecting…"; };
}

function renderList(missions) {
  const body = document.querySelector("#missions tbody");
  clear(body);
  document.getElementById("no-missions").hidden = missions.length > 0;
  for (const m of missions) {
    const row = el("tr", null, "mission");
    row.dataset.mission = m.missionId;
    row.appendChild(el("td", m.missionId));
    const status = el("td");
    status.appendChild(el("span", m.status, "status " + m.status));
    row.appendChild(status);
    row.appendChild(el("td", m.lanes.filter(l => l.state === "PASSED" || l.state === "FAILED").length + "/" + m.lanes.length));
    row.appendChild(el("td", usd(m.costUsd)));
    row.appendChild(el("td", m.tokens));
    row.appendChild(el("td", age(m.startedAt)));
    row.appendChild(el("td", m.goal.length > 90 ? m.goal.slice(0, 89) + "…" : m.goal));
    row.addEventListener("click", () => { location.hash = "#/missions/" + encodeURIComponent(m.missionId); });
    body.appendChild(row);
  }
}

function showDetail(title, text) {
  document.getElementById("detail").hidden = false;
  document.getElementById("detail-title").textContent = title;
  document.getElementById("detail-text").textContent = text;
}

function renderTimeline(m) {
  const table = document.getElementById("timeline");
  const head = table.querySelector("thead");
  const body = table.querySelector("tbody");
  clear(head); clear(body);
  const stageCount = Math.max(0, ...m.lanes.map(l => l.stages.length));
  const header = el("tr");
  header.appendChild(el("th", "lane"));
  header.appendChild(el("th", "attempt"));
  for (let i = 0; i < stageCount; i++) header.appendChild(el("th", "stage " + (i + 1)));
  header.appendChild(el("th", "tools"));
  header.appendChild(el("th", "outcome"));
  head.appendChild(header);
  for (const lane of m.lanes) {
    const row = el("tr", null, "lane");
    row.dataset.lane = lane.laneId;
    row.dataset.state = lane.state;
    row.appendChild(el("td", lane.laneId));
    row.appendChild(el("td", lane.attempt));
    for (let i = 0; i < stageCount; i++) {
      const stage = lane.stages[i];
      const cell = el("td", null, "stage");
      if (stage) {
        cell.dataset.stage = stage.name;
        cell.dataset.state = stage.state;
        cell.appendChild(el("span", stage.name + " " + stage.state.toLowerCase(), "cell " + stage.state));
        if (stage.models) cell.appendChild(el("div", stage.models, "muted"));
        cell.addEventListener("click", () => {
          const change = lane.changes.filter(c => c.stage === stage.name).map(c => c.diff).join("\n");
          showDetail(lane.laneId + " · " + stage.name + (stage.artifact ? " → " + stage.artifact : ""),
            (stage.output || "(no artifact yet)") + (change ? "\n\n--- change ---\n" + change : ""));
        });
      }
      row.appendChild(cell);
    }
    const tools = el("td");
    for (const tool of lane.tools) {
      const item = el("div", tool.tool + " exit " + tool.exitCode + (tool.timedOut ? " (timed out)" : ""),
        "cell " + (tool.exitCode === 0 ? "DONE" : "FAILED"));
      item.addEventListener("click", () => showDetail(lane.laneId + " · " + tool.tool, tool.output));
      tools.appendChild(item);
    }
    row.appendChild(tools);
    const outcome = el("td");
    outcome.appendChild(el("span", lane.state, "status " + lane.state));
    if (lane.outcome) outcome.appendChild(el("div", lane.outcome, "muted"));
    row.appendChild(outcome);
    body.appendChild(row);
  }
}

function renderProposed(m) {
  const box = document.getElementById("decision");
  box.hidden = !(m.status === "PAUSED");
  if (box.hidden) return;
  const plan = m.proposed || m.plan;
  document.getElementById("proposed-id").textContent = plan ? plan.planId + " (awaiting " + m.awaiting + ")" : m.awaiting;
  const body = document.querySelector("#proposed tbody");
  clear(body);
  for (const lane of (plan ? plan.lanes : [])) {
    const row = el("tr");
    [lane.laneId, lane.role, lane.objective, lane.scope.join(", "), lane.tools.join(", "), lane.stages.join(" → ")]
      .forEach(text => row.appendChild(el("td", text)));
    body.appendChild(row);
  }
}

function renderMission(m) {
  document.getElementById("mission-id").textContent = m.missionId;
  const status = document.getElementById("mission-status");
  status.textContent = m.status;
  status.className = "status " + m.status;
  document.getElementById("mission-goal").textContent = m.goal;
  const done = m.lanes.filter(l => l.state === "PASSED" || l.state === "FAILED").length;
  document.getElementById("mission-figures").textContent = "lanes " + done + "/" + m.lanes.length + " · "
    + m.tokens + " tokens · " + usd(m.costUsd) + " · age " + age(m.startedAt) + " · " + m.events + " events";
  document.getElementById("mission-why").textContent = m.why;
  renderProposed(m);
  renderTimeline(m);
  const verdicts = document.getElementById("verdicts");
  clear(verdicts);
  for (const v of m.verdicts) {
    const item = el("li");
    item.appendChild(el("span", v.verdict, "status " + (v.verdict === "PASS" ? "PASSED" : "FAILED")));
    item.appendChild(el("span", " round " + v.round + " (need " + v.threshold + "): "
      + v.votes.map(vote => vote.validator + " " + (vote.pass ? "pass" : "fail")
        + (vote.reasons.length ? " [" + vote.reasons.join("; ") + "]" : "")).join(", ")
      + (v.failingLanes.length ? " · failing " + v.failingLanes.join(", ") : "")));
    verdicts.appendChild(item);
  }
  document.getElementById("bluf").textContent = m.bluf;
  document.getElementById("digest").textContent = m.digest;
}

async function decide(action) {
  const id = decodeURIComponent(location.hash.slice("#/missions/".length));
  const note = document.getElementById("note").value;
  const answer = document.getElementById("answer");
  answer.textContent = action + " sent, waiting for the orchestrator…";
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  const body = action === "approve" ? { note: note } : { reason: note || "cancelled from the console" };
  try {
    const response = await fetch("/api/missions/" + encodeURIComponent(id) + "/" + action,
      { method: "POST", headers: headers, body: JSON.stringify(body) });
    const result = await response.json();
    answer.textContent = (result.accepted ? "" : "refused: ") + (result.type ? result.type + ": " : "") + result.detail;
    answer.dataset.accepted = String(result.accepted);
  } catch (error) {
    answer.textContent = "no answer: " + error;
  }
}

function route() {
  const mission = location.hash.startsWith("#/missions/") ? decodeURIComponent(location.hash.slice(11)) : null;
  document.getElementById("list-page").hidden = mission !== null;
  document.getElementById("mission-page").hidden = mission === null;
  document.getElementById("detail").hidden = true;
  document.getElementById("answer").textContent = "";
  if (mission === null) {
    open("/api/stream", "missions", renderList);
  } else {
    open("/api/missions/" + encodeURIComponent(mission) + "/stream", "mission", renderMission);
  }
}

document.getElementById("approve").addEventListener("click", () => decide("approve"));
document.getElementById("cancel").addEventListener("click", () => decide("cancel"));
document.getElementById("home").addEventListener("click", event => { event.preventDefault(); location.hash = ""; });
window.addEventListener("hashchange", route);
route();
