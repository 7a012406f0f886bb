/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_PLACEHOLDER_PAGE (cg_placeholder_page_get_type ())
G_DECLARE_FINAL_TYPE (CgPlaceholderPage, cg_placeholder_page, CG, PLACEHOLDER_PAGE, GtkWidget)

/* Stands in for a stage's page until that page is written: the stage's
 * title and what the page will hold, and the "session" property every page
 * has. */
GtkWidget *cg_placeholder_page_new (CgStage     stage,
                                    const char *description);

G_END_DECLS
