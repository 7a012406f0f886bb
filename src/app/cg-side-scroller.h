/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-side-scroller.h: a child that scrolls sideways on its own when it is
 * wider than the page, so the page itself scrolls only up and down and its
 * text wraps to the visible width (a capture grid with many partners).
 *
 * Unlike a plain GtkScrolledWindow, it asks for the child's height at the
 * width the child will really get, not at its narrowest: a grid whose
 * headers wrap when narrow would otherwise get a band of empty space.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_SIDE_SCROLLER (cg_side_scroller_get_type ())
G_DECLARE_FINAL_TYPE (CgSideScroller, cg_side_scroller, CG, SIDE_SCROLLER, GtkWidget)

GtkWidget *cg_side_scroller_new (void);
GtkWidget *cg_side_scroller_get_child (CgSideScroller *self);
void cg_side_scroller_set_child (CgSideScroller *self, GtkWidget *child);

G_END_DECLS
