/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-aims-page.h: the Aims stage: candidate aims, every partner's
 * importance rating in a capture grid, and the aims marked agreed.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_AIMS_PAGE (cg_aims_page_get_type ())
G_DECLARE_FINAL_TYPE (CgAimsPage, cg_aims_page, CG, AIMS_PAGE, GtkWidget)

/* A CgStagePage. */
GtkWidget *cg_aims_page_new (void);
void cg_aims_page_set_session (CgAimsPage *self, CgSession *session);
GtkWidget *cg_aims_page_get_grid (CgAimsPage *self);

G_END_DECLS
