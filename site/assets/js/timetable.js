/* The week-by-week timetable of a plan, and its iCalendar file: the same rules as
 * generator/plan/timetable.py (read its docstring: filled weeks, spaced review, covered reviews)
 * and generator/plan/calendar.py, run in the browser.
 *
 * A line-by-line port. Its numbers (review gaps, the review share of a week, review hours) come
 * from roadmap.json's `review` entry (generator/render/data.py), so this file holds no policy of
 * its own. tests/plan/test_planner_node.py (under Node) and tests/browser/test_planner_parity.py
 * hold it to the same answers as Python, so change both together.
 *
 * Used by planner.js (window.RoadmapTimetable, or require() under Node); it fills no page itself.
 */
(function () {
  "use strict";

  var EPSILON = 1e-9;
  var DAY_MS = 86400000;

  /** Python-compatible string order (by code point, not UTF-16 unit). */
  function cmpStr(a, b) {
    if (a === b) return 0;
    var i = 0;
    var n = Math.min(a.length, b.length);
    while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i === n) return a.length < b.length ? -1 : 1;
    return a.codePointAt(i) < b.codePointAt(i) ? -1 : 1;
  }

  // ---------------------------------------------------------------- days

  /** "YYYY-MM-DD" as a count of days (UTC, so no daylight-saving hour ever shifts a day), or null. */
  function dayNumber(text) {
    if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
    var y = Number(text.slice(0, 4));
    var m = Number(text.slice(5, 7));
    var d = Number(text.slice(8, 10));
    var ms = Date.UTC(y, m - 1, d);
    var back = new Date(ms);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
    return Math.round(ms / DAY_MS);
  }

  /** The date `day` days after `start` ("YYYY-MM-DD"), as "YYYY-MM-DD". */
  function dayText(start, day) {
    var ms = (dayNumber(start) + day) * DAY_MS;
    return new Date(ms).toISOString().slice(0, 10);
  }

  /** Today in this browser's time zone, as "YYYY-MM-DD". */
  function today(now) {
    var d = now || new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  // ---------------------------------------------------------------- progress

  /** The progress store's entries (RoadmapProgress.data(): {topics: {id: {status, on}}, exercises:
   * {id: {n: {mark, on}}}}) as days from `start`, as the timetable reads them: the same as
   * generator/plan/progress_file.as_progress, for the topics of `g` only. */
  function asProgress(g, stored, start) {
    var origin = dayNumber(start);
    var done = new Map();
    var inProgress = new Set();
    var skipped = new Set();
    var notYet = new Map();
    var topics = (stored && stored.topics) || {};
    Object.keys(topics).forEach(function (tid) {
      if (!g.topics.has(tid)) return;
      var entry = topics[tid];
      if (entry.status === "done") {
        var on = dayNumber(entry.on);
        done.set(tid, on === null ? -1 : on - origin);
      } else if (entry.status === "in-progress") inProgress.add(tid);
      else if (entry.status === "skipped") skipped.add(tid);
    });
    var exercises = (stored && stored.exercises) || {};
    Object.keys(exercises).forEach(function (tid) {
      if (!done.has(tid)) return;
      var days = [];
      Object.keys(exercises[tid]).forEach(function (n) {
        var m = exercises[tid][n];
        if (m.mark === "not-yet" && dayNumber(m.on) !== null) days.push(dayNumber(m.on) - origin);
      });
      if (!days.length) return;
      var last = Math.max.apply(null, days);
      if (last >= done.get(tid)) notYet.set(tid, last);
    });
    return { done: done, inProgress: inProgress, skipped: skipped, notYet: notYet };
  }

  // ---------------------------------------------------------------- the timetable

  /** A share of the topic's hours, in steps, within bounds: all three from roadmap.json. */
  function reviewHours(review, topicHours) {
    var steps = Math.floor(topicHours * review.fraction / review.step + 0.5);
    return Math.min(review.max_hours, Math.max(review.min_hours, steps * review.step));
  }

  /** The topics that require `tid` directly. */
  function requiredBy(g, tid) {
    return g.topics.get(tid).dependents.filter(function (d) { return g.topics.get(d).required.indexOf(tid) >= 0; });
  }

  /** The weeks of study and review for `steps` at `pace` hours a week: [{number, firstDay, study:
   * [{topic, hours, part, parts}], reviews: [{topic, day, hours, coveredBy}], studyHours, reviewHours}]. */
  function timetable(g, steps, pace, progress) {
    var review = g.review;
    if (!(pace >= g.pace.min && pace <= g.pace.max)) {
      throw new Error("hours per week must be from " + g.pace.min + " to " + g.pace.max + ", not " + pace);
    }
    progress = progress || { done: new Map(), inProgress: new Set(), skipped: new Set(), notYet: new Map() };
    var gaps = review.gaps;
    var todo = steps.filter(function (s) { return !progress.done.has(s.topic) && !progress.skipped.has(s.topic); });
    todo = todo.filter(function (s) { return progress.inProgress.has(s.topic); })
      .concat(todo.filter(function (s) { return !progress.inProgress.has(s.topic); }));
    var queue = new Map();
    Array.from(progress.done.keys()).sort(cmpStr).forEach(function (tid) {
      if (!g.topics.has(tid)) return;
      var day = progress.done.get(tid);
      var last = progress.notYet.has(tid) ? progress.notYet.get(tid) : day;
      queue.set(tid, { topic: tid, day: Math.max(0, Math.max(day, last) + gaps[0]), gap: 0 });
    });

    function advance(due) {
      var gap = due.gap + 1;
      if (gap >= gaps.length) queue.delete(due.topic);
      else queue.set(due.topic, { topic: due.topic, day: due.day + gaps[gap], gap: gap });
    }

    var weeks = [];
    var cursor = 0;
    var left = todo.length ? todo[0].hours : 0.0;
    while ((cursor < todo.length || queue.size) && weeks.length < review.max_weeks) {
      var first = 7 * weeks.length;
      var end = 7 * (weeks.length + 1);
      var dueNow = Array.from(queue.values()).filter(function (d) { return d.day < end; });
      dueNow.sort(function (a, b) { return a.day - b.day || cmpStr(a.topic, b.topic); });
      var dueIds = new Set(dueNow.map(function (d) { return d.topic; }));
      var cover = new Map();
      dueNow.forEach(function (d) {
        var by = requiredBy(g, d.topic).filter(function (t) { return dueIds.has(t); }).sort(cmpStr);
        if (by.length) cover.set(d.topic, by[0]);
      });
      var reviews = [];
      var budget = pace * review.share;
      var used = 0.0;
      dueNow.forEach(function (due) {
        if (cover.has(due.topic)) {
          var by = cover.get(due.topic);
          while (cover.has(by)) by = cover.get(by); // the review that covers it is itself covered: name the one taken
          reviews.push({ topic: due.topic, day: Math.max(due.day, first), hours: 0.0, coveredBy: by });
        } else {
          var cost = Math.min(reviewHours(review, g.topics.get(due.topic).hours), budget);
          if (used + cost > budget + EPSILON) return; // stays queued: due again next week, first in line
          used += cost;
          reviews.push({ topic: due.topic, day: Math.max(due.day, first), hours: cost, coveredBy: null });
        }
        advance(due);
      });
      var room = pace - used;
      var study = [];
      while (cursor < todo.length && room > EPSILON) {
        var piece = Math.min(left, room);
        study.push([todo[cursor].topic, piece]);
        room -= piece;
        left -= piece;
        if (left <= EPSILON) {
          queue.set(todo[cursor].topic, { topic: todo[cursor].topic, day: end - 1 + gaps[0], gap: 0 });
          cursor++;
          left = cursor < todo.length ? todo[cursor].hours : 0.0;
        }
      }
      weeks.push([study, reviews]);
    }

    var parts = new Map();
    weeks.forEach(function (w) { w[0].forEach(function (s) { parts.set(s[0], (parts.get(s[0]) || 0) + 1); }); });
    var seen = new Map();
    return weeks.map(function (w, i) {
      var studyHours = 0.0;
      var reviewTotal = 0.0;
      var items = w[0].map(function (s) {
        seen.set(s[0], (seen.get(s[0]) || 0) + 1);
        studyHours += s[1];
        return { topic: s[0], hours: s[1], part: seen.get(s[0]), parts: parts.get(s[0]) };
      });
      w[1].forEach(function (r) { reviewTotal += r.hours; });
      return { number: i + 1, firstDay: 7 * i, study: items, reviews: w[1], studyHours: studyHours, reviewHours: reviewTotal };
    });
  }

  /** How many weeks until the last study (the weeks of review that follow are not counted). */
  function studyWeeks(weeks) {
    var last = 0;
    weeks.forEach(function (w) { if (w.study.length) last = w.number; });
    return last;
  }

  /** The weeks with something in them (a review-only tail has empty weeks between reviews). */
  function shownWeeks(weeks) {
    return weeks.filter(function (w) { return w.study.length || w.reviews.length; });
  }

  // ---------------------------------------------------------------- iCalendar (RFC 5545)

  // A hand-written writer of the small subset plan_ics writes (generator/plan/calendar.py):
  // text escaping, line folding at 75 octets, CRLF, all-day dates. A test parses its files with
  // the `icalendar` library and holds their events to the CLI's.
  var PRODID = "-//Math for Machine Learning roadmap//study plan//EN";

  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  }

  function utf8Length(ch) {
    var c = ch.codePointAt(0);
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }

  /** One content line, folded so that no line is over 75 octets (continuations start with a space). */
  function fold(line) {
    var out = [];
    var current = "";
    var octets = 0;
    Array.from(line).forEach(function (ch) {
      var n = utf8Length(ch);
      var limit = out.length ? 74 : 75; // a continuation's leading space counts
      if (octets + n > limit) {
        out.push(current);
        current = "";
        octets = 0;
      }
      current += ch;
      octets += n;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  function compactDate(text) { return text.replace(/-/g, ""); }

  /** The same events as plan_ics: one all-day event per week with study or review. `formatHours`
   * is the planner's; `title(tid)` a topic's title. */
  function planIcs(g, p, weeks, pace, start, formatHours) {
    function title(tid) { return g.topics.get(tid).title; }
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:" + PRODID,
      "X-WR-CALNAME:" + icsText("Study plan: " + p.targets.map(title).join(", ")),
    ];
    shownWeeks(weeks).forEach(function (w) {
      var hours = formatHours(w.studyHours + w.reviewHours);
      var summary;
      if (w.study.length) {
        var titles = [];
        w.study.forEach(function (s) { if (titles.indexOf(title(s.topic)) < 0) titles.push(title(s.topic)); });
        summary = "Week " + w.number + ": study " + titles.join(", ") + (w.reviews.length ? " and review" : "") + " (" + hours + " h)";
      } else {
        summary = "Week " + w.number + ": review (" + hours + " h)";
      }
      var description = w.study.map(function (s) {
        return "Study " + title(s.topic) + ": " + formatHours(s.hours) + " h" + (s.parts > 1 ? ", part " + s.part + " of " + s.parts : "");
      }).concat(w.reviews.map(function (r) {
        var what = r.coveredBy ? "with " + title(r.coveredBy) : formatHours(r.hours) + " h";
        return "Review " + title(r.topic) + " (" + what + "), due " + dayText(start, r.day);
      })).join("\n");
      lines.push(
        "BEGIN:VEVENT",
        "SUMMARY:" + icsText(summary),
        "DTSTART;VALUE=DATE:" + compactDate(dayText(start, w.firstDay)),
        "DTEND;VALUE=DATE:" + compactDate(dayText(start, w.firstDay + 7)),
        "DTSTAMP:" + compactDate(start) + "T000000Z",
        "UID:" + icsText("week-" + w.number + "-" + start + "-" + formatHours(pace) + "h-" + p.targets.join("+") + "@math-for-ml-roadmap"),
        "DESCRIPTION:" + icsText(description),
        "TRANSP:TRANSPARENT",
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  var api = {
    dayNumber: dayNumber,
    dayText: dayText,
    today: today,
    asProgress: asProgress,
    reviewHours: reviewHours,
    timetable: timetable,
    studyWeeks: studyWeeks,
    shownWeeks: shownWeeks,
    planIcs: planIcs,
  };

  if (typeof window === "undefined") {
    if (typeof module !== "undefined" && module.exports) module.exports = api;
    return;
  }
  window.RoadmapTimetable = api;
})();
