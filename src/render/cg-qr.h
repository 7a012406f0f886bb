/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-qr.h: QR codes for the room's join URL.
 *
 * libqrencode gives the modules (error correction level M, so a code on a
 * projector still reads with a smudge or a glare); Cairo draws them black
 * on white whatever the theme, because a phone's camera and a printer need
 * dark modules on a light ground, with the quiet zone of 4 modules the QR
 * standard asks for. The same drawing serves the screen, PNG and PDF.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Modules of white around the code, on every side (ISO/IEC 18004). */
#define CG_QR_QUIET_ZONE 4

typedef struct _CgQr CgQr;

/* The code for @text, or NULL with @error set when libqrencode refuses it
 * (too long for any version, or out of memory). */
CgQr *cg_qr_new (const char *text, GError **error);
void cg_qr_free (CgQr *qr);
const char *cg_qr_get_text (const CgQr *qr);
/* Modules per side, without the quiet zone (21 for version 1). */
guint cg_qr_get_width (const CgQr *qr);
/* Modules per side with the quiet zone on both sides. */
guint cg_qr_get_extent (const CgQr *qr);
gboolean cg_qr_get_module (const CgQr *qr, guint x, guint y);
/* Draws the code with its quiet zone, top-left corner at (@x, @y), each
 * module @module_size user units square: cg_qr_get_extent() * @module_size
 * on a side. Whole device pixels for @module_size and the corner keep
 * every edge sharp on screen. */
void cg_qr_draw (cairo_t *cr, const CgQr *qr, double x, double y, double module_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgQr, cg_qr_free)

G_END_DECLS
