/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-charter-layout.h: the partnership charter as pages.
 *
 * A snapshot of the session, paginated for one page size: build a new one
 * when the session or the paper changes. Pages paint any cairo_t in points
 * with the origin at the paper's corner (PDF, GtkPrintContext, preview).
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cg-page-layout.h"
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_CHARTER_LAYOUT (cg_charter_layout_get_type ())
G_DECLARE_FINAL_TYPE (CgCharterLayout, cg_charter_layout, CG, CHARTER_LAYOUT, GObject)

/* @margins may be NULL for the default margins. */
CgCharterLayout *cg_charter_layout_new (CgSession *session,
                                        double page_width,
                                        double page_height,
                                        const CgPageMargins *margins);
/* The same, measuring text with @context (e.g. a GtkPrintContext's, in points). */
CgCharterLayout *cg_charter_layout_new_for_context (CgSession *session,
                                                    PangoContext *context,
                                                    double page_width,
                                                    double page_height,
                                                    const CgPageMargins *margins);

guint cg_charter_layout_get_n_pages (CgCharterLayout *self);
void cg_charter_layout_render_page (CgCharterLayout *self, cairo_t *cr, guint page);
CgPageLayout *cg_charter_layout_get_pages (CgCharterLayout *self);

gboolean cg_charter_export_pdf (CgSession *session,
                                const char *path,
                                CgPaperSize paper,
                                GError **error);

G_END_DECLS
