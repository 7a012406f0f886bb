/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-qr-widget.h: a QR code on screen, drawn by the render floor.
 *
 * Shows the code for "text" black on white with its 4-module quiet zone,
 * in any theme. Each module is a whole number of pixels, at least
 * "module-size"; given more room, the code grows in whole pixels to fill
 * it. For screen readers it is an image named after the text it holds.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_QR_WIDGET (cg_qr_widget_get_type ())
G_DECLARE_FINAL_TYPE (CgQrWidget, cg_qr_widget, CG, QR_WIDGET, GtkWidget)

GtkWidget *cg_qr_widget_new (void);
/* NULL or "" shows nothing and takes no space. */
void cg_qr_widget_set_text (CgQrWidget *self, const char *text);
const char *cg_qr_widget_get_text (CgQrWidget *self);
void cg_qr_widget_set_module_size (CgQrWidget *self, guint module_size);
guint cg_qr_widget_get_module_size (CgQrWidget *self);
/* Modules a side, quiet zone included (0 without text). */
guint cg_qr_widget_get_extent (CgQrWidget *self);
/* The module size of the last drawing, in pixels (0 before one). */
guint cg_qr_widget_get_drawn_module_size (CgQrWidget *self);

G_END_DECLS
