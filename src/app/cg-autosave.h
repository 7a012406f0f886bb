/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-autosave.h: keeps a recovery draft (cg-recovery.h) of one window's
 * session while it has unsaved changes.
 *
 * A change starts a timer; when it fires, the session is serialised and
 * its draft written in a worker thread. The timer is not restarted by
 * further edits, so a facilitator typing without pause still has a draft
 * at most one delay (plus the write) behind. Saving the session, undoing
 * back to the saved state, a clean close or cg_autosave_discard() removes
 * the draft.
 */
#pragma once

#include "cg-session.h"

G_BEGIN_DECLS

/* Seconds from a change to its draft; CG_AUTOSAVE_DELAY overrides it (1-30,
 * for tests). Always within the 30 s that docs promise. */
#define CG_AUTOSAVE_DEFAULT_DELAY 10

#define CG_TYPE_AUTOSAVE (cg_autosave_get_type ())
G_DECLARE_FINAL_TYPE (CgAutosave, cg_autosave, CG, AUTOSAVE, GObject)

CgAutosave *cg_autosave_new (void);
/* Follows @session (may be NULL) under @draft_id, or a new id when NULL;
 * the draft of what it followed before is discarded. Adopting the id of a
 * restored draft rewrites it at once, so it belongs to this process. */
void cg_autosave_set_session (CgAutosave *self, CgSession *session, const char *draft_id);
const char *cg_autosave_get_draft_id (CgAutosave *self);
/* Removes the draft now and forgets the session (a clean close). */
void cg_autosave_discard (CgAutosave *self);
guint cg_autosave_get_delay (void);

G_END_DECLS
