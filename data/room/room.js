/* SPDX-License-Identifier: GPL-3.0-or-later */
/* room.js: the partner page (ROOM.md, docs/ROOM.md). Plain ES2017, nothing
 * from outside the laptop. The phone claims one seat, shows the stage the
 * facilitator is on and sends this partner's answers.
 *
 * Why it is built as it is:
 * - The seat token travels in the X-Seat header, which EventSource cannot
 *   send, so the event stream is read with fetch() and a stream reader; when
 *   the stream is down the page asks for the stage every 2 s instead.
 * - Every answer is kept in localStorage until the server acknowledges it,
 *   with a counter ("seq") that only grows, so a retry after a lost reply or
 *   a reload is harmless: the server ignores a seq lower than one it applied.
 * - A stage is rebuilt only when its statements change; otherwise cards are
 *   updated in place, so a tap is never lost to a redraw and focus stays. */
'use strict';

(function () {
  const match = window.location.pathname.match(/^(\/r\/([^/]+))/);
  if (!match)
    return;
  const BASE = match[1];
  const STORE = 'cg-room:' + match[2].toUpperCase().replace(/-/g, '') + ':';

  /* English fallbacks; the server sends these translated in api/room
   * ("strings", from src/room/cg-room-page-strings.c, same keys). */
  const FALLBACK = {
    'loading': 'Loading…',
    'choose-partner': 'Which one are you?',
    'choose-hint': 'Tap your own name. This phone then answers as you.',
    'joined': 'joined',
    'you-are': 'You are {name}',
    'not-you': 'Not you?',
    'choose-again': 'Choose your name again',
    'intro': 'About this lesson',
    'prompts': 'To talk about',
    'progress': '{n} of {total} answered on this stage',
    'room-answered': '{n} of {total} partners have answered so far',
    'comment-label': 'Your comment on this lesson',
    'comment-hint': 'Optional. It is saved as you type.',
    'your-part': 'Your part in this task',
    'who-accountable': 'Who is accountable?',
    'choose-accountable': 'Choose a partner',
    'involvement-R': 'Responsible',
    'involvement-A': 'Accountable',
    'involvement-C': 'Consulted',
    'involvement-I': 'Informed',
    'involvement-none': 'Not involved',
    'saved': 'Saved',
    'sending': 'Sending…',
    'pending': 'Not sent yet: kept on this phone and sent when the network is back',
    'failed': 'Not saved: {message}',
    'offline': 'No connection to the facilitator\'s laptop. Your answers are kept on this phone and sent when it is back.',
    'the-room': 'The room',
    'room-counts': 'How the room answered',
    'your-answer': '(your answer)',
    'clear': 'Clear',
    'unclear': 'Unclear',
    'flag-gap': 'Nobody says they are accountable.',
    'flag-overlap': 'More than one partner says they are accountable.',
    'flag-no-doer': 'Nobody says they do the work.',
    'flag-mismatch': 'Partners name different partners as accountable.',
    'revealed': 'The answers are revealed: each card shows how the room answered, without names.',
    'stage-now': 'Now: {title}',
    'wait': 'Look at the screen: the facilitator will tell you when to answer.',
    'closed-title': 'The room has closed',
    'closed-text': 'Thank you. Your answers are on the facilitator\'s laptop. You can close this page.',
    'gone-title': 'This room is not open',
    'gone-text': 'The facilitator has closed the room, or opened it again with a new code. Scan the code on the screen again to join.',
    'unreachable-title': 'Cannot reach the facilitator\'s laptop',
    'unreachable-text': 'Check that this phone is on the same Wi-Fi network as the laptop, then try again.',
    'retry': 'Try again',
    'seat-freed': 'The facilitator has freed your seat. If you are still taking part, tap your name again.',
    'locked': 'The room is locked, so no more phones can join. If you still need to join, ask the facilitator to unlock it.',
    'seat-taken': 'Someone has already joined as {name}. If that was not you, ask the facilitator to free that seat, then tap your name again.',
    'too-many': 'Too many tries from this phone. Wait a minute, then try again.',
    'error': 'Something went wrong: {message}'
  };
  const INVOLVEMENTS = ['R', 'A', 'C', 'I', 'none'];

  let strings = {};
  let room = null;          /* api/room */
  let seat = null;          /* {seat, partner} */
  let stage = null;         /* the last api/stage */
  let shapeKey = null;      /* what the built stage is made of */
  let cards = {};           /* target -> card controller */
  let pending = {};         /* target -> {body, seq} not yet acknowledged */
  let sendingNow = false;
  let retryTimer = 0;
  let pollTimer = 0;
  let streamAbort = null;
  let streamUp = false;
  let finished = false;     /* closed, gone or seat lost: stop talking */
  let liveTimer = 0;

  /* Storage -------------------------------------------------------------- */

  function load(name, fallback) {
    try {
      const text = window.localStorage.getItem(STORE + name);
      return text === null ? fallback : JSON.parse(text);
    } catch (e) {
      return fallback;
    }
  }

  function store(name, value) {
    try {
      if (value === null)
        window.localStorage.removeItem(STORE + name);
      else
        window.localStorage.setItem(STORE + name, JSON.stringify(value));
    } catch (e) {
      /* Private mode or full: answers still go out, only not across reloads. */
    }
  }

  /* Seats and answers of rooms closed since: their keys are dead, so what
   * they hold can never be sent. */
  function forgetOldRooms() {
    try {
      const old = [];
      for (let i = 0; i < window.localStorage.length; i++) {
        const name = window.localStorage.key(i);
        if (name && name.indexOf('cg-room:') === 0 && name.indexOf(STORE) !== 0)
          old.push(name);
      }
      old.forEach(function (name) { window.localStorage.removeItem(name); });
    } catch (e) {
      /* Storage unavailable: nothing kept, nothing to forget. */
    }
  }

  function nextSeq() {
    const seq = (load('seq', 0) || 0) + 1;
    store('seq', seq);
    return seq;
  }

  /* Words ---------------------------------------------------------------- */

  function t(key, params) {
    let text = strings[key] || FALLBACK[key] || key;
    if (params) {
      Object.keys(params).forEach(function (name) {
        text = text.split('{' + name + '}').join(String(params[name]));
      });
    }
    return text;
  }

  /* A scale word without the "(4)" the app's grid puts after it: the page
   * shows the digit beside it already. */
  function bareLabel(label) {
    return String(label).replace(/\s*\([0-9A-Z]\)\s*$/, '');
  }

  /* DOM ------------------------------------------------------------------ */

  function h(tag, props) {
    const el = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (name) {
        const value = props[name];
        if (value === undefined || value === null || value === false)
          return;
        if (name === 'class')
          el.className = value;
        else if (name === 'text')
          el.textContent = value;
        else if (name.slice(0, 2) === 'on')
          el.addEventListener(name.slice(2), value);
        else if (name in el && name.indexOf('-') < 0)
          el[name] = value;
        else
          el.setAttribute(name, value === true ? '' : value);
      });
    }
    for (let i = 2; i < arguments.length; i++) {
      const child = arguments[i];
      if (child === null || child === undefined || child === false)
        continue;
      el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return el;
  }

  function $(id) {
    return document.getElementById(id);
  }

  function setMain() {
    const main = $('main');
    main.textContent = '';
    for (let i = 0; i < arguments.length; i++)
      if (arguments[i])
        main.appendChild(arguments[i]);
    return main;
  }

  /* Says something to screen readers once, politely. */
  function announce(text) {
    const live = $('live');
    live.textContent = '';
    window.clearTimeout(liveTimer);
    liveTimer = window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function focusHeading(el) {
    if (!el)
      return;
    el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: false });
  }

  function showConnection(problem) {
    const bar = $('connection');
    bar.textContent = problem ? t('offline') : '';
    bar.hidden = !problem;
  }

  /* HTTP ----------------------------------------------------------------- */

  /* Resolves to {status, body}; rejects only when the laptop cannot be reached. */
  function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (seat)
      headers['X-Seat'] = seat.seat;
    if (body !== undefined)
      headers['Content-Type'] = 'application/json';
    return window.fetch(BASE + '/api/' + path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin'
    }).then(function (response) {
      return response.text().then(function (text) {
        let parsed = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch (e) {
          parsed = null;
        }
        return { status: response.status, body: parsed };
      });
    });
  }

  function messageOf(result) {
    return (result.body && result.body.message) || ('HTTP ' + result.status);
  }

  /* Screens that end the visit ---------------------------------------------- */

  function stopTalking() {
    finished = true;
    if (streamAbort)
      streamAbort.abort();
    window.clearTimeout(pollTimer);
    window.clearTimeout(retryTimer);
    window.clearTimeout(joinTimer);
    joinButtons = null;
    showConnection(false);
    showWho(false);
  }

  function showEnd(titleKey, textKey, withRetry) {
    stopTalking();
    const title = h('h1', { text: t(titleKey) });
    const notice = h('div', { class: 'notice error' },
                     h('p', { text: t(textKey) }),
                     withRetry ? h('button', { type: 'button', class: 'button primary', text: t('retry'),
                                               onclick: function () { window.location.reload(); } })
                               : null);
    setMain(title, notice);
    document.title = t(titleKey) + ' – Common Ground';
    focusHeading(title);
  }

  function roomGone() {
    showEnd('gone-title', 'gone-text', false);
  }

  function roomClosed() {
    showEnd('closed-title', 'closed-text', false);
  }

  /* The facilitator freed this seat (or the laptop forgot it): back to the
   * names, saying why. Answers not yet sent stay with the partner: if this
   * phone takes the same name again they go out then. */
  function seatLost() {
    if (seat && Object.keys(pending).length > 0)
      store('orphans', { partner: seat.partner, pending: pending });
    seat = null;
    store('seat', null);
    store('pending', null);
    pending = {};
    if (streamAbort)
      streamAbort.abort();
    window.clearTimeout(pollTimer);
    refreshRoom().then(function (ok) {
      if (ok)
        showJoin({ key: 'seat-freed' });
    });
  }

  /* Join ----------------------------------------------------------------- */

  function refreshRoom() {
    return api('GET', 'room').then(function (result) {
      if (result.status === 404) {
        roomGone();
        return false;
      }
      if (result.status !== 200 || !result.body) {
        showEnd('unreachable-title', 'unreachable-text', true);
        return false;
      }
      room = result.body;
      strings = room.strings || {};
      if (room.language)
        document.documentElement.lang = room.language;
      const leaveButton = $('leave');
      leaveButton.textContent = t('not-you');
      leaveButton.appendChild(h('span', { class: 'visually-hidden', text: ' ' + t('choose-again') }));
      return true;
    }, function () {
      showEnd('unreachable-title', 'unreachable-text', true);
      return false;
    });
  }

  function partnerName(id) {
    const list = (room && room.partners) || [];
    for (let i = 0; i < list.length; i++)
      if (list[i].id === id)
        return list[i].name;
    return id;
  }

  function showWho(shown) {
    $('who-name').hidden = !shown;
    $('leave').hidden = !shown;
  }

  /* The names on the join page follow the room every few seconds: a seat
   * someone else takes greys out without a reload. */
  let joinButtons = null;   /* partner id -> button, while the names show */
  let joinTimer = 0;
  let claiming = false;

  function partnerButton(partner) {
    const button = h('button', {
      type: 'button',
      class: 'partner-button',
      onclick: function () { claim(partner); }
    }, h('span', { class: 'partner-name', text: partner.name }),
       h('span', { class: 'joined', text: t('joined') }));
    return button;
  }

  function updateJoinButtons() {
    room.partners.forEach(function (partner) {
      const button = joinButtons[partner.id];
      const taken = !!partner.claimed;
      const wasFocused = document.activeElement === button;
      button.disabled = taken || !!room.locked;
      button.querySelector('.joined').hidden = !taken;
      if (wasFocused && button.disabled)
        focusHeading($('choose'));
    });
  }

  function pollJoin() {
    window.clearTimeout(joinTimer);
    joinTimer = window.setTimeout(function () {
      if (!joinButtons || claiming || seat)
        return;
      api('GET', 'room').then(function (result) {
        if (!joinButtons || claiming || seat)
          return;
        if (result.status === 404) {
          roomGone();
          return;
        }
        if (result.status === 200 && result.body) {
          const ids = result.body.partners.map(function (p) { return p.id; }).join(',');
          const had = room.partners.map(function (p) { return p.id; }).join(',');
          const wasLocked = !!room.locked;
          room = result.body;
          strings = room.strings || strings;
          if (ids !== had || wasLocked !== !!room.locked)
            showJoin(null);
          else
            updateJoinButtons();
        }
        pollJoin();
      }, function () {
        pollJoin();
      });
    }, 4000);
  }

  function showJoin(notice) {
    showWho(false);
    stage = null;
    shapeKey = null;
    cards = {};
    document.title = room.title + ' – Common Ground';
    const title = h('h1', { text: room.title });
    const question = h('h2', { id: 'choose', text: t('choose-partner') });
    const list = h('ul', { class: 'partner-list', 'aria-labelledby': 'choose' });
    joinButtons = {};
    room.partners.forEach(function (partner) {
      joinButtons[partner.id] = partnerButton(partner);
      list.appendChild(h('li', null, joinButtons[partner.id]));
    });
    updateJoinButtons();
    pollJoin();
    let noticeBox = null;
    if (notice || room.locked) {
      const key = notice ? notice.key : 'locked';
      noticeBox = h('div', { class: 'notice' + (notice && notice.error ? ' error' : ''), role: 'alert' },
                    h('p', { text: notice && notice.text ? notice.text : t(key, notice && notice.params) }));
    }
    setMain(title, noticeBox, question,
            h('p', { class: 'hint', text: t('choose-hint') }), list);
    focusHeading(notice ? noticeBox : question);
  }

  function claim(partner) {
    if (claiming)
      return;
    claiming = true;
    api('POST', 'claim', { partner: partner.id }).then(function (result) {
      claiming = false;
      if (result.status === 200 && result.body && result.body.seat) {
        joinButtons = null;
        window.clearTimeout(joinTimer);
        seat = { seat: result.body.seat, partner: result.body.partner || partner.id };
        store('seat', seat);
        const orphans = load('orphans', null);
        pending = orphans && orphans.partner === seat.partner ? orphans.pending : {};
        store('pending', pending);
        store('orphans', null);
        startSeat(true);
        return;
      }
      if (result.status === 404) {
        roomGone();
        return;
      }
      let notice;
      if (result.status === 409)
        notice = { key: 'seat-taken', params: { name: partner.name }, error: true };
      else if (result.status === 423)
        notice = { key: 'locked', error: true };
      else if (result.status === 429)
        notice = { key: 'too-many', error: true };
      else
        notice = { text: t('error', { message: messageOf(result) }), error: true };
      refreshRoom().then(function (ok) {
        if (ok)
          showJoin(notice);
      });
    }, function () {
      claiming = false;
      showEnd('unreachable-title', 'unreachable-text', true);
    });
  }

  function leave() {
    const old = seat;
    api('DELETE', 'seat').then(function () {}, function () {}).then(function () {
      if (seat !== old)
        return;
      seat = null;
      store('seat', null);
      store('pending', null);
      pending = {};
      if (streamAbort)
        streamAbort.abort();
      window.clearTimeout(pollTimer);
      refreshRoom().then(function (ok) {
        if (ok)
          showJoin(null);
      });
    });
  }

  /* The seat: stage, events, answers ------------------------------------------ */

  function startSeat(fresh) {
    finished = false;
    pending = load('pending', {}) || {};
    $('who-name').textContent = t('you-are', { name: partnerName(seat.partner) });
    showWho(true);
    refreshStage(fresh).then(function (ok) {
      if (!ok)
        return;
      listen();
      pump();
    });
  }

  /* Fetches the stage and shows it. Resolves to false when the visit ended. */
  function refreshStage(moveFocus) {
    if (!seat || finished)
      return Promise.resolve(false);
    return api('GET', 'stage').then(function (result) {
      if (result.status === 200 && result.body) {
        showConnection(Object.keys(pending).length > 0 && !navigatorOnline());
        renderStage(result.body, moveFocus);
        return true;
      }
      if (result.status === 401) {
        seatLost();
        return false;
      }
      if (result.status === 404) {
        roomGone();
        return false;
      }
      return true;
    }, function () {
      showConnection(true);
      if (!stage)
        setMain(h('p', { text: t('offline') }));
      return true;
    });
  }

  function navigatorOnline() {
    return window.navigator.onLine !== false;
  }

  /* Polls while the event stream is down: every 2 s. */
  function schedulePoll() {
    window.clearTimeout(pollTimer);
    if (finished || !seat)
      return;
    pollTimer = window.setTimeout(function () {
      if (streamUp || finished)
        return;
      refreshStage(false).then(function (ok) {
        if (ok && !streamUp)
          schedulePoll();
      });
    }, 2000);
  }

  /* The event stream, read by hand: EventSource cannot send X-Seat. */
  function listen() {
    if (finished || !seat || !window.ReadableStream) {
      schedulePoll();
      return;
    }
    const controller = new window.AbortController();
    streamAbort = controller;
    const mySeat = seat;
    window.fetch(BASE + '/api/events', {
      headers: { 'Accept': 'text/event-stream', 'X-Seat': seat.seat },
      cache: 'no-store',
      credentials: 'same-origin',
      signal: controller.signal
    }).then(function (response) {
      if (response.status === 401) {
        seatLost();
        return null;
      }
      if (response.status === 404) {
        roomGone();
        return null;
      }
      if (response.status !== 200 || !response.body)
        throw new Error('no stream');
      streamUp = true;
      window.clearTimeout(pollTimer);
      showConnection(false);
      /* Whatever changed while the stream was down. */
      refreshStage(false);
      pump();
      return readStream(response.body.getReader());
    }).catch(function () {
      /* Network gone or the stream broke: poll, and try again shortly. */
    }).then(function () {
      streamUp = false;
      if (finished || seat !== mySeat || controller.signal.aborted)
        return;
      schedulePoll();
      window.setTimeout(function () {
        if (!finished && seat === mySeat && !streamUp)
          listen();
      }, 3000);
    });
  }

  function readStream(reader) {
    const decoder = new window.TextDecoder();
    let buffer = '';
    function step() {
      return reader.read().then(function (chunk) {
        if (chunk.done)
          return null;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
          handleEventBlock(block);
        }
        return finished ? null : step();
      });
    }
    return step();
  }

  function handleEventBlock(block) {
    let name = 'message';
    const data = [];
    block.split(/\r?\n/).forEach(function (line) {
      if (line.indexOf('event:') === 0)
        name = line.slice(6).trim();
      else if (line.indexOf('data:') === 0)
        data.push(line.slice(5).replace(/^ /, ''));
    });
    let payload = null;
    try {
      payload = data.length ? JSON.parse(data.join('\n')) : null;
    } catch (e) {
      payload = null;
    }
    if (name === 'room-closed') {
      roomClosed();
    } else if (name === 'seat-freed') {
      seatLost(); /* only this seat's stream hears it */
    } else if (name === 'mine') {
      /* This seat's answers changed on the laptop (or ours landed). */
      refreshSoon();
    } else if (name === 'stage' || name === 'reveal') {
      if (!stage || !payload || payload.version === undefined || payload.version !== stage.version)
        refreshSoon();
    }
  }

  /* Several events in a row make one request. */
  let refreshTimer = 0;
  function refreshSoon() {
    if (refreshTimer)
      return;
    refreshTimer = window.setTimeout(function () {
      refreshTimer = 0;
      refreshStage(false);
    }, 30);
  }

  /* Answers ---------------------------------------------------------------- */

  function answer(target, body) {
    const seq = nextSeq();
    pending[target] = { body: Object.assign({}, body, { seq: seq }), seq: seq };
    store('pending', pending);
    setCardState(target, 'sending');
    pump();
  }

  function setCardState(target, state, message) {
    const card = cards[target];
    if (card)
      card.setState(state, message);
  }

  function markAllPending() {
    Object.keys(pending).forEach(function (target) { setCardState(target, 'pending'); });
  }

  function retryLater(ms) {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(pump, ms);
  }

  /* Sends the unacknowledged answers one at a time, oldest first; stops at
   * the first network failure and tries again later (or when back online). */
  function pump() {
    if (sendingNow || finished || !seat)
      return;
    const targets = Object.keys(pending);
    if (targets.length === 0) {
      if (streamUp || navigatorOnline())
        showConnection(false);
      return;
    }
    const target = targets[0];
    const entry = pending[target];
    const mySeat = seat;
    sendingNow = true;
    api('POST', 'answer', entry.body).then(function (result) {
      sendingNow = false;
      if (seat !== mySeat)
        return;
      if (result.status === 200) {
        acknowledge(target, entry);
        showConnection(false);
        pump();
      } else if (result.status === 401) {
        seatLost();
      } else if (result.status === 404) {
        roomGone();
      } else if (result.status === 429 || result.status >= 500) {
        retryLater(1000);
      } else {
        /* Refused (400, 413): sending it again would not help. */
        if (pending[target] === entry) {
          delete pending[target];
          store('pending', pending);
          setCardState(target, 'failed', messageOf(result));
        }
        pump();
      }
    }, function () {
      sendingNow = false;
      markAllPending();
      showConnection(true);
      retryLater(3000);
    });
  }

  function acknowledge(target, entry) {
    if (pending[target] !== entry)
      return; /* answered again meanwhile: that one is still to go */
    delete pending[target];
    store('pending', pending);
    setCardState(target, 'saved');
    announce(t('saved'));
    /* After Reveal this phone's own answer moves the room's counts: the
     * laptop sends no event for it, so ask once it has the answer. */
    if (stage && stage.revealed)
      refreshSoon();
  }

  window.addEventListener('online', function () {
    window.clearTimeout(retryTimer);
    pump();
    if (!streamUp && seat && !finished)
      refreshStage(false);
  });

  window.addEventListener('offline', function () {
    if (Object.keys(pending).length > 0)
      markAllPending();
    showConnection(true);
  });

  /* Stage ------------------------------------------------------------------ */

  function pendingValue(target, field) {
    const entry = pending[target];
    return entry ? entry.body[field] : undefined;
  }

  function shapeOf(s) {
    const ids = (s.items || []).map(function (item) { return item.id; }).join(',');
    return [s.stage, s.kind, ids, s.comment ? 'c' : ''].join('|');
  }

  function renderStage(s, moveFocus) {
    const previous = stage;
    stage = s;
    const shape = shapeOf(s);
    if (shape !== shapeKey) {
      buildStage(s);
      shapeKey = shape;
      if (previous && previous.stage !== s.stage)
        announce(t('stage-now', { title: s.title || '' }));
      if (moveFocus || (previous && previous.stage !== s.stage))
        focusHeading($('stage-title'));
    } else if (previous && s.revealed && !previous.revealed) {
      announce(t('revealed'));
    }
    updateStage(s);
  }

  function buildStage(s) {
    cards = {};
    document.title = (s.title || room.title) + ' – Common Ground';
    const heading = h('h1', { id: 'stage-title', class: 'stage-heading', text: s.title || room.title });
    if (s.kind === 'wait' || !s.items) {
      setMain(heading,
              h('div', { class: 'wait' },
                h('p', { class: 'wait-message', text: s.message || s.intro || t('wait') })));
      return;
    }
    const parts = [heading];
    if (s.kind === 'rating') {
      const intro = buildIntro(s);
      if (intro)
        parts.push(intro);
    } else if (s.intro) {
      /* Aims and roles: one sentence saying what to do, always shown. */
      parts.push(h('p', { class: 'stage-intro', text: s.intro }));
    }
    parts.push(h('div', { class: 'progress' },
                 h('p', { id: 'progress-text' }),
                 h('div', { class: 'progress-bar', 'aria-hidden': 'true' },
                   h('div', { class: 'progress-fill', id: 'progress-fill' })),
                 h('p', { class: 'room-answered', id: 'room-answered' })));
    parts.push(h('p', { class: 'notice', id: 'revealed-note', hidden: true, text: t('revealed') }));
    const list = h('ol', { class: 'cards' });
    (s.items || []).forEach(function (item, index) {
      const card = s.kind === 'roles' ? buildRoleCard(item, index) : buildRatingCard(s, item, index);
      list.appendChild(card);
    });
    if (s.comment)
      list.appendChild(buildCommentCard(s.comment));
    parts.push(list);
    setMain.apply(null, parts);
  }

  function buildIntro(s) {
    const prompts = s.prompts || [];
    if (!s.intro && prompts.length === 0)
      return null;
    const body = h('div', { class: 'intro-body' });
    if (s.intro)
      body.appendChild(h('p', { text: s.intro }));
    if (prompts.length) {
      body.appendChild(h('p', { text: t('prompts') }));
      const ul = h('ul');
      prompts.forEach(function (prompt) { ul.appendChild(h('li', { text: prompt })); });
      body.appendChild(ul);
    }
    return h('details', { class: 'intro' }, h('summary', { text: t('intro') }), body);
  }

  function saveState(target) {
    return h('p', { class: 'save-state', id: 'state-' + target });
  }

  function stateController(el) {
    return function (state, message) {
      el.className = 'save-state' + (state ? ' ' + state : '');
      if (state === 'saved')
        el.textContent = '✓ ' + t('saved');
      else if (state === 'sending')
        el.textContent = '… ' + t('sending');
      else if (state === 'pending')
        el.textContent = '⏳ ' + t('pending');
      else if (state === 'failed')
        el.textContent = '✗ ' + t('failed', { message: message || '' });
      else
        el.textContent = '';
    };
  }

  function option(name, value, key, word, hiddenKey) {
    const input = h('input', { type: 'radio', name: name, value: String(value) });
    return h('label', { class: 'option' }, input,
             h('span', { class: 'option-face' },
               h('span', { class: 'option-key', 'aria-hidden': hiddenKey ? 'true' : null, text: key }),
               h('span', { class: 'option-word', text: word }),
               h('span', { class: 'option-check', 'aria-hidden': 'true', text: '✓' })));
  }

  function radios(group) {
    return Array.prototype.slice.call(group.querySelectorAll('input[type=radio]'));
  }

  function checkValue(group, value) {
    radios(group).forEach(function (input) {
      input.checked = value !== null && value !== undefined && input.value === String(value);
    });
  }

  function scaleOf(s) {
    if (s.scale && s.scale.length)
      return s.scale;
    return [1, 2, 3, 4, 5].map(function (v) { return { value: v, label: String(v) }; })
      .concat([{ value: 'dont-know', label: 'Don’t know' }]);
  }

  function buildRatingCard(s, item, index) {
    const target = 'item:' + item.id;
    const headingId = 'q-' + item.id;
    const group = h('div', { class: 'options scale', role: 'radiogroup', 'aria-labelledby': headingId });
    scaleOf(s).forEach(function (entry) {
      const isNumber = typeof entry.value === 'number';
      group.appendChild(option('answer-' + item.id, entry.value, isNumber ? String(entry.value) : '?',
                               bareLabel(entry.label), !isNumber));
    });
    group.addEventListener('change', function (event) {
      const raw = event.target.value;
      const value = raw === 'dont-know' ? 'dont-know' : parseInt(raw, 10);
      card.mine = value;
      /* After Reveal the mark moves with the button at once (the counts
       * follow when the laptop has the answer, see acknowledge()). */
      if (card.room)
        renderRoomResult(result, card.room, card.mine);
      answer(target, { item: item.id, value: value });
      updateProgress();
    });
    const state = saveState(target);
    const result = h('div', { class: 'room-result', hidden: true });
    const li = h('li', { class: 'card' },
                 h('h2', { id: headingId, class: 'card-title' },
                   h('span', { class: 'card-number', text: (index + 1) + '.' }), ' ', item.text),
                 group, state, result);
    const card = {
      mine: null,
      room: null,           /* the room's counts last shown (null before Reveal) */
      answered: function () { return card.mine !== null && card.mine !== undefined; },
      setState: stateController(state),
      update: function (it) {
        const local = pendingValue(target, 'value');
        card.room = it.room;
        card.mine = local !== undefined ? local : it.mine;
        checkValue(group, card.mine);
        if (local !== undefined)
          card.setState(navigatorOnline() ? 'sending' : 'pending');
        else if (it.mine !== null && it.mine !== undefined && !state.textContent)
          card.setState('saved');
        renderRoomResult(result, it.room, card.mine);
      }
    };
    cards[target] = card;
    return li;
  }

  function levelClass(level) {
    const known = ['agreed', 'partly-agreed', 'divergent', 'not-enough'];
    const name = String(level || '').toLowerCase().replace(/[^a-z]+/g, '-');
    return known.indexOf(name) >= 0 ? 'level-' + name : 'level-other';
  }

  /* After Reveal: counts per value and the level, never names. */
  function renderRoomResult(box, roomResult, mine) {
    box.textContent = '';
    box.hidden = !roomResult;
    if (!roomResult || !stage)
      return;
    const heading = h('h3', null, t('the-room'), ' ');
    if (roomResult.label)
      heading.appendChild(h('span', { class: 'level ' + levelClass(roomResult.level), text: roomResult.label }));
    box.appendChild(heading);
    const rows = [];
    const scale = scaleOf(stage);
    const counts = roomResult.counts || [];
    scale.forEach(function (entry) {
      const count = entry.value === 'dont-know' ? (roomResult.dont_know || 0)
                                                : (counts[entry.value - 1] || 0);
      rows.push({ entry: entry, count: count });
    });
    box.appendChild(countsTable(rows, mine, function (entry) {
      return (typeof entry.value === 'number' ? entry.value + ' ' : '') + bareLabel(entry.label);
    }));
  }

  /* One row per choice: its words, a bar and the number of people. */
  function countsTable(rows, mine, labelOf) {
    const most = Math.max.apply(null, rows.map(function (r) { return r.count; }).concat([1]));
    const table = h('table', { class: 'counts' },
                    h('caption', { class: 'visually-hidden', text: t('room-counts') }));
    const body = h('tbody');
    rows.forEach(function (row) {
      const label = labelOf(row.entry);
      const bar = h('span', { class: 'count-bar' + (row.count ? '' : ' zero'), 'aria-hidden': 'true' });
      bar.style.width = (row.count / most * 60) + '%';
      const mineMark = String(mine) === String(row.entry.value)
        ? h('span', { class: 'mine-mark', text: ' ' + t('your-answer') }) : null;
      body.appendChild(h('tr', null,
                         h('th', { scope: 'row' }, label, mineMark),
                         h('td', null, h('span', { class: 'count-cell' }, bar,
                                         h('span', { class: 'count-number', text: String(row.count) })))));
    });
    table.appendChild(body);
    return table;
  }

  /* R A C I and not involved, in the server's words (or ours). */
  function roleScale() {
    if (stage && stage.kind === 'roles' && stage.scale && stage.scale.length)
      return stage.scale;
    return INVOLVEMENTS.map(function (code) { return { value: code, label: t('involvement-' + code) }; });
  }

  /* After Reveal on roles: how many claim each part, and what is unclear. */
  function renderRoleResult(box, roomResult, mine) {
    box.textContent = '';
    box.hidden = !roomResult;
    if (!roomResult)
      return;
    const flags = roomResult.flags || [];
    const heading = h('h3', null, t('the-room'), ' ');
    heading.appendChild(flags.length
      ? h('span', { class: 'level level-divergent', text: t('unclear') })
      : h('span', { class: 'level level-agreed', text: t('clear') }));
    box.appendChild(heading);
    if (flags.length) {
      const list = h('ul', { class: 'flags' });
      flags.forEach(function (flag) { list.appendChild(h('li', { text: t('flag-' + flag) })); });
      box.appendChild(list);
    }
    const counts = roomResult.counts || {};
    const rows = roleScale().map(function (entry) {
      return { entry: entry, count: counts[entry.value] || 0 };
    });
    box.appendChild(countsTable(rows, mine, function (entry) {
      return (entry.value === 'none' ? '' : entry.value + ' ') + bareLabel(entry.label);
    }));
  }

  function buildRoleCard(item, index) {
    const targetInv = 'inv:' + item.id;
    const targetAcc = 'acc:' + item.id;
    const headingId = 'q-' + item.id;
    const partId = 'part-' + item.id;
    const group = h('div', { class: 'options roles', role: 'radiogroup', 'aria-labelledby': headingId + ' ' + partId });
    roleScale().forEach(function (entry) {
      const code = entry.value;
      group.appendChild(option('part-' + item.id, code, code === 'none' ? '–' : code,
                               bareLabel(entry.label), true));
    });
    const selectId = 'acc-' + item.id;
    const select = h('select', { id: selectId, 'aria-describedby': 'state-' + targetAcc });
    select.appendChild(h('option', { value: '', text: t('choose-accountable') }));
    (stage.choices || room.partners).forEach(function (partner) {
      select.appendChild(h('option', { value: partner.id, text: partner.name }));
    });
    const stateInv = saveState(targetInv);
    const stateAcc = saveState(targetAcc);
    const result = h('div', { class: 'room-result', hidden: true });
    const invCard = {
      mine: null,
      room: null,
      answered: function () { return invCard.mine !== null && invCard.mine !== undefined; },
      setState: stateController(stateInv),
      update: function (it) {
        const local = pendingValue(targetInv, 'involvement');
        invCard.room = it.room;
        const server = it.mine ? it.mine.involvement : null;
        invCard.mine = local !== undefined ? local : server;
        checkValue(group, invCard.mine);
        if (local !== undefined)
          invCard.setState(navigatorOnline() ? 'sending' : 'pending');
        else if (server && !stateInv.textContent)
          invCard.setState('saved');
        renderRoleResult(result, it.room, invCard.mine);
      }
    };
    const accCard = {
      setState: stateController(stateAcc),
      update: function (it) {
        const local = pendingValue(targetAcc, 'believes_accountable');
        const server = it.mine ? it.mine.believes_accountable : null;
        const value = local !== undefined ? local : server;
        if (document.activeElement !== select)
          select.value = value || '';
        if (local !== undefined)
          accCard.setState(navigatorOnline() ? 'sending' : 'pending');
        else if (server && !stateAcc.textContent)
          accCard.setState('saved');
      }
    };
    group.addEventListener('change', function (event) {
      invCard.mine = event.target.value;
      if (invCard.room)
        renderRoleResult(result, invCard.room, invCard.mine);
      answer(targetInv, { task: item.id, involvement: event.target.value });
      updateProgress();
    });
    select.addEventListener('change', function () {
      answer(targetAcc, { task: item.id, believes_accountable: select.value || null });
    });
    cards[targetInv] = invCard;
    cards[targetAcc] = accCard;
    return h('li', { class: 'card' },
             h('h2', { id: headingId, class: 'card-title' },
               h('span', { class: 'card-number', text: (index + 1) + '.' }), ' ', item.text),
             h('p', { class: 'field', id: partId, text: t('your-part') }),
             group, stateInv,
             h('label', { class: 'field', for: selectId, text: t('who-accountable') }),
             select, stateAcc, result);
  }

  function buildCommentCard(comment) {
    const target = 'comment:' + comment.lesson;
    const id = 'comment-' + comment.lesson;
    const area = h('textarea', { id: id, maxLength: 2000, rows: 4, 'aria-labelledby': id + '-title',
                                 'aria-describedby': id + '-hint state-' + target });
    const state = saveState(target);
    let sent = null;
    let timer = 0;
    function send() {
      window.clearTimeout(timer);
      if (area.value === sent)
        return;
      sent = area.value;
      answer(target, { lesson: comment.lesson, comment: area.value });
    }
    area.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(send, 1500);
    });
    area.addEventListener('blur', send);
    const card = {
      setState: stateController(state),
      update: function (s) {
        const c = s.comment || {};
        const local = pendingValue(target, 'comment');
        if (sent === null)
          sent = c.mine || '';
        if (document.activeElement !== area && local === undefined)
          area.value = c.mine || '';
        else if (local !== undefined && area.value === '')
          area.value = local;
        if (local !== undefined)
          card.setState(navigatorOnline() ? 'sending' : 'pending');
        else if (c.mine && !state.textContent)
          card.setState('saved');
      }
    };
    cards[target] = card;
    return h('li', { class: 'card' },
             h('h2', { class: 'card-title', id: id + '-title', text: t('comment-label') }),
             h('p', { class: 'hint', id: id + '-hint', text: t('comment-hint') }),
             area, state);
  }

  function updateStage(s) {
    if (s.kind === 'wait' || !s.items)
      return;
    (s.items || []).forEach(function (item) {
      ['item:', 'inv:', 'acc:'].forEach(function (prefix) {
        const card = cards[prefix + item.id];
        if (card)
          card.update(item);
      });
    });
    if (s.comment && cards['comment:' + s.comment.lesson])
      cards['comment:' + s.comment.lesson].update(s);
    const note = $('revealed-note');
    if (note)
      note.hidden = !s.revealed;
    const answered = $('room-answered');
    if (answered)
      answered.textContent = typeof s.answered === 'number' && s.partners
        ? t('room-answered', { n: s.answered, total: s.partners }) : '';
    updateProgress();
  }

  function updateProgress() {
    if (!stage || !stage.items)
      return;
    const prefix = stage.kind === 'roles' ? 'inv:' : 'item:';
    let done = 0;
    stage.items.forEach(function (item) {
      const card = cards[prefix + item.id];
      if (card && card.answered())
        done++;
    });
    const total = stage.items.length;
    const text = $('progress-text');
    if (text)
      text.textContent = t('progress', { n: done, total: total });
    const fill = $('progress-fill');
    if (fill)
      fill.style.width = (total ? done / total * 100 : 0) + '%';
  }

  /* Start ------------------------------------------------------------------ */

  function start() {
    const loading = $('loading');
    if (loading)
      loading.textContent = FALLBACK.loading;
    $('leave').addEventListener('click', leave);
    refreshRoom().then(function (ok) {
      if (!ok)
        return;
      forgetOldRooms();
      seat = load('seat', null);
      if (seat && seat.seat)
        startSeat(false);
      else
        showJoin(null);
    });
  }

  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', start);
  else
    start();
})();
