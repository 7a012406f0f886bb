/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The partner page (placeholder; the real page replaces this file). */
'use strict';
(function () {
  const base = window.location.pathname.replace(/\/+$/, '');
  fetch(base + '/api/room').then(function (r) { return r.json(); }).then(function (room) {
    document.getElementById('status').textContent = room.title;
  });
})();
