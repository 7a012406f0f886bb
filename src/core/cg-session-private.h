/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-private.h: for the core floor's loaders (XML, templates) only.
 *
 * Loaders build a session with recording off: no undo steps, no signals,
 * and entities keep the ids the file gave them.
 */
#pragma once

#include "cg-session.h"

G_BEGIN_DECLS

/* While recording is off, setters neither record undo steps nor emit signals. */
void cg_session_set_recording (CgSession *self, gboolean recording);

guint cg_session_get_next_id (CgSession *self);
/* Ids handed out from now on are >= @next_id (never lowers it). */
void cg_session_bump_next_id (CgSession *self, guint next_id);

/* Add entities with a given id. Return FALSE if the id is 0 or already used
 * by any entity of the session. @colour may be NULL (palette colour). */
gboolean cg_session_insert_partner (CgSession *self,
                                    guint id,
                                    const char *name,
                                    const char *organisation,
                                    const char *role,
                                    const char *colour);
gboolean cg_session_insert_statement (CgSession *self, guint id, guint lesson, const char *text);
gboolean cg_session_insert_aim (CgSession *self, guint id, const char *text, gboolean agreed);
gboolean cg_session_insert_task (CgSession *self, guint id, const char *text);

/* TRUE if @id names any entity (partner, item or task). */
gboolean cg_session_id_in_use (CgSession *self, guint id);

/* Marks the session modified without an undo step (a recovered draft is
 * unsaved work). */
void cg_session_mark_modified (CgSession *self);

/* Emits CgSession::changed with CG_CHANGE_ALL. */
void cg_session_emit_all_changed (CgSession *self);

G_END_DECLS
