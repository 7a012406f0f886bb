/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cg-application.h"
#include "cg-session.h"
#include "cg-room.h"
#include "cg-timer.h"

G_BEGIN_DECLS

#define CG_TYPE_WINDOW (cg_window_get_type ())
G_DECLARE_FINAL_TYPE (CgWindow, cg_window, CG, WINDOW, AdwApplicationWindow)

CgWindow *cg_window_new (CgApplication *application);
CgSession *cg_window_get_session (CgWindow *self);
void cg_window_set_session (CgWindow *self, CgSession *session);
/* TRUE while the window holds a session nobody has touched: unmodified,
 * never saved, no undo history. New and Open put their session there. */
gboolean cg_window_is_reusable (CgWindow *self);
CgStage cg_window_get_stage (CgWindow *self);
void cg_window_set_stage (CgWindow *self, CgStage stage);
GtkWidget *cg_window_get_page (CgWindow *self, CgStage stage);
/* Private entry: the partner the laptop is passed to on the stage shown
 * (a stage page's "Pass the laptop to"), 0 when everyone is shown. While
 * it is not 0 the window stays on that stage (the "private-partner"
 * property notifies). */
guint cg_window_get_private_partner (CgWindow *self);
/* The item (or task) id the capture grid's cursor is on while the focus is
 * in a grid of the stage shown, 0 otherwise. The "current-item" property
 * notifies at every move of the cursor, onto the same row too. */
guint cg_window_get_current_item (CgWindow *self);
/* The exercise timer of the header bar (the presentation view shows it). */
CgTimer *cg_window_get_timer (CgWindow *self);
/* The room of the session shown (closed until the facilitator opens it),
 * or NULL without a session. A new one with every session: follow
 * "notify::session". */
CgRoom *cg_window_get_room (CgWindow *self);
/* The open presentation window, or NULL. */
GtkWindow *cg_window_get_presentation (CgWindow *self);
/* Crash recovery (cg-autosave.h): the draft the window's session is kept
 * in, and adopting a restored draft so it is written there from now on. */
const char *cg_window_get_draft_id (CgWindow *self);
void cg_window_adopt_draft (CgWindow *self, const char *draft_id);
/* After opening a file: says so, in a toast, when a newer version of
 * Common Ground made it. */
void cg_window_note_file_version (CgWindow *self);

G_END_DECLS
