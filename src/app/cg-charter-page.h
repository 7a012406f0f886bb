/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-charter-page.h: the Charter stage - the charter's text, editable, with
 * a live preview of its pages. */
#pragma once

#include <adwaita.h>

#include "cg-page-layout.h"
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_CHARTER_PAGE (cg_charter_page_get_type ())
G_DECLARE_FINAL_TYPE (CgCharterPage, cg_charter_page, CG, CHARTER_PAGE, GtkWidget)

GtkWidget *cg_charter_page_new (void);
/* The paper chosen for the preview; PDF exports use it too. */
CgPaperSize cg_charter_page_get_paper (CgCharterPage *self);
/* Pages in the preview now (after any pending refresh). */
guint cg_charter_page_get_n_pages (CgCharterPage *self);

G_END_DECLS
