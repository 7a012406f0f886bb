/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-restore.h: after a crash or a kill, offering to restore the sessions
 * whose recovery drafts (cg-recovery.h) were left behind. */
#pragma once

#include "cg-application.h"

G_BEGIN_DECLS

/* When drafts were left, asks over @parent (title and time of each) to
 * Restore them, each into a window of @app, or Discard them. Closing the
 * question keeps them for the next start. Does nothing without drafts. */
void cg_restore_offer (CgApplication *app, GtkWindow *parent);

G_END_DECLS
