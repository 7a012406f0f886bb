/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-since-section.h: "Since <date>" at the top of the Review stage.
 *
 * When the session is a later round (it has a baseline) and the earlier
 * file is found beside it, or after Compare with…, the section names the
 * items that moved most since then and the roles resolved; the comparison
 * itself is the core's (cg-compare.h). It also offers Compare with…, to
 * pick any earlier session.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_SINCE_SECTION (cg_since_section_get_type ())
G_DECLARE_FINAL_TYPE (CgSinceSection, cg_since_section, CG, SINCE_SECTION, GtkWidget)

GtkWidget *cg_since_section_new (void);
CgSession *cg_since_section_get_session (CgSinceSection *self);
void cg_since_section_set_session (CgSinceSection *self, CgSession *session);
/* Compares the session with the session in @file (what Compare with…
 * does once a file is chosen); loads it asynchronously. */
void cg_since_section_compare_with_file (CgSinceSection *self, GFile *file);

/* When @session is a later round and its earlier file sits beside it under
 * the name it had, reads that file (asynchronously) and compares @session
 * with it (cg_compare_set_earlier()): the Review, the radar, the report and
 * the charter then show what changed since. Quietly does nothing otherwise. */
void cg_since_find_earlier (CgSession *session, GCancellable *cancellable);

/* How many items the section names, at most. */
#define CG_SINCE_MAX_ITEMS 5

G_END_DECLS
