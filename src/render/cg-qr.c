/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-qr"
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <qrencode.h>
#include <string.h>

#include "cg-qr.h"

struct _CgQr
{
  char *text;
  guint width;
  guint8 *dark; /* width * width, row by row: 1 = dark module */
};

CgQr *
cg_qr_new (const char *text,
           GError    **error)
{
  QRcode *code;
  CgQr *qr;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Version 0: the smallest symbol that holds the text. Case-sensitive,
   * so the URL comes back exactly as given. */
  errno = 0;
  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR,
                   saved == ERANGE ? G_IO_ERROR_INVALID_DATA : g_io_error_from_errno (saved),
                   "Cannot make a QR code of %zu bytes: %s", strlen (text), g_strerror (saved));
      return NULL;
    }

  qr = g_new0 (CgQr, 1);
  qr->text = g_strdup (text);
  qr->width = (guint) code->width;
  qr->dark = g_malloc ((gsize) qr->width * qr->width);
  /* libqrencode's bit 0 is the module's colour; the others say which
   * part of the symbol it belongs to. */
  for (gsize i = 0; i < (gsize) qr->width * qr->width; i++)
    qr->dark[i] = code->data[i] & 1;
  QRcode_free (code);
  return qr;
}

void
cg_qr_free (CgQr *qr)
{
  if (qr == NULL)
    return;
  g_free (qr->text);
  g_free (qr->dark);
  g_free (qr);
}

const char *
cg_qr_get_text (const CgQr *qr)
{
  g_return_val_if_fail (qr != NULL, NULL);
  return qr->text;
}

guint
cg_qr_get_width (const CgQr *qr)
{
  g_return_val_if_fail (qr != NULL, 0);
  return qr->width;
}

guint
cg_qr_get_extent (const CgQr *qr)
{
  g_return_val_if_fail (qr != NULL, 0);
  return qr->width + 2 * CG_QR_QUIET_ZONE;
}

gboolean
cg_qr_get_module (const CgQr *qr,
                  guint       x,
                  guint       y)
{
  g_return_val_if_fail (qr != NULL, FALSE);
  if (x >= qr->width || y >= qr->width)
    return FALSE;
  return qr->dark[(gsize) y * qr->width + x] != 0;
}

/* One rectangle per horizontal run of dark modules: a few hundred instead
 * of a thousand, and no hairline seams between neighbours in a PDF viewer
 * that antialiases each rectangle on its own. */
static void
add_runs (cairo_t    *cr,
          const CgQr *qr,
          double      x0,
          double      y0,
          double      m)
{
  for (guint y = 0; y < qr->width; y++)
    {
      guint x = 0;

      while (x < qr->width)
        {
          guint start;

          if (!cg_qr_get_module (qr, x, y))
            {
              x++;
              continue;
            }
          start = x;
          while (x < qr->width && cg_qr_get_module (qr, x, y))
            x++;
          cairo_rectangle (cr, x0 + start * m, y0 + y * m, (x - start) * m, m);
        }
    }
}

void
cg_qr_draw (cairo_t    *cr,
            const CgQr *qr,
            double      x,
            double      y,
            double      module_size)
{
  double side, origin_x, origin_y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (qr != NULL);
  g_return_if_fail (module_size > 0);

  side = cg_qr_get_extent (qr) * module_size;
  origin_x = x + CG_QR_QUIET_ZONE * module_size;
  origin_y = y + CG_QR_QUIET_ZONE * module_size;

  cairo_save (cr);
  cairo_new_path (cr);
  /* Pure white and black, never theme colours: the camera and the
   * printer both need the contrast. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, side, side);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  add_runs (cr, qr, origin_x, origin_y, module_size);
  cairo_fill (cr);
  cairo_restore (cr);
}
