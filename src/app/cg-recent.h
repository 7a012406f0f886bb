/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-recent.h: sessions opened and saved, through GtkRecentManager, and the
 * Open Recent menu built from them. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_SESSION_MIME_TYPE "application/x-commonground-session"
#define CG_RECENT_MAX_ITEMS 10

/* Adds @file to the recently used files, as a Common Ground session. */
void cg_recent_add (GFile *file);
/* The newest sessions (ours by MIME type or extension, still on disk), at
 * most CG_RECENT_MAX_ITEMS, each activating "app.open-recent" with its URI;
 * kept up to date as the recent files change. Shared: do not modify. */
GMenuModel *cg_recent_get_menu (void);

G_END_DECLS
