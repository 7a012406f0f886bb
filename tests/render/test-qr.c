/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The room's QR code: drawn by the render floor, read back by a real
 * decoder (zbarimg, from zbar-tools), as a phone's camera would. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <string.h>

#include "cg-qr.h"

static const char *const urls[] = {
  "http://192.168.1.20:8421/r/7KQ2M9XD4T",
  "http://127.0.0.1:8422/r/0123456789",
  "http://[fd12:3456:789a:1::20]:8421/r/ZZZZZZZZZZ",
};

static char *
png_path (const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  const char *variant = g_getenv ("CG_TEST_VARIANT");
  g_autofree char *file = NULL;

  /* The font variants of this test run beside it: each reads back its own
   * PNGs, never a file the other is writing. */
  file = variant != NULL ? g_strdup_printf ("%s-%s", variant, name) : g_strdup (name);
  return g_build_filename (dir != NULL ? dir : ".", file, NULL);
}

/* What zbarimg reads in @path: the QR code's text, exactly. */
static char *
decode (const char *path)
{
  const char *argv[] = {
    "zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", path, NULL
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    fail_msg ("zbarimg (zbar-tools, build-aux/packages.txt): %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  /* --raw ends the text with one newline. */
  if (g_str_has_suffix (out, "\n"))
    out[strlen (out) - 1] = '\0';
  return g_steal_pointer (&out);
}

/* The code drawn at whole pixels on a canvas of @bg, @margin pixels of
 * canvas around its quiet zone. */
static cairo_surface_t *
draw_png (const CgQr *qr,
          int         module,
          int         margin,
          double      bg,
          const char *name)
{
  int side = (int) cg_qr_get_extent (qr) * module + 2 * margin;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = png_path (name);

  cairo_set_source_rgb (cr, bg, bg, bg);
  cairo_paint (cr);
  cg_qr_draw (cr, qr, margin, margin, module);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  assert_int_equal (cairo_surface_write_to_png (surface, path), CAIRO_STATUS_SUCCESS);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static void
test_decodes_exactly (void **state)
{
  static const int modules[] = { 8, 3 };

  for (guint u = 0; u < G_N_ELEMENTS (urls); u++)
    for (guint m = 0; m < G_N_ELEMENTS (modules); m++)
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (CgQr) qr = cg_qr_new (urls[u], &error);
        g_autofree char *name = g_strdup_printf ("qr-%u-%dpx.png", u, modules[m]);
        g_autofree char *path = png_path (name);
        g_autofree char *text = NULL;

        assert_null (error);
        assert_non_null (qr);
        assert_string_equal (cg_qr_get_text (qr), urls[u]);
        cairo_surface_destroy (draw_png (qr, modules[m], 0, 1.0, name));
        text = decode (path);
        assert_non_null (text);
        assert_string_equal (text, urls[u]);
      }
}

/* Version n has 17 + 4n modules a side; the quiet zone adds 4 each side.
 * A 37-byte URL needs version 3 at level M (version 2 holds 26 bytes,
 * version 3 42). */
static void
test_geometry (void **state)
{
  g_autoptr (CgQr) qr = cg_qr_new (urls[0], NULL);
  guint w = cg_qr_get_width (qr);

  assert_int_equal (strlen (urls[0]), 37);
  assert_int_equal (w, 17 + 4 * 3);
  assert_int_equal (cg_qr_get_extent (qr), w + 8);
  /* The three finder patterns: dark corners at top-left, top-right and
   * bottom-left, and a light module inside each ring. */
  assert_true (cg_qr_get_module (qr, 0, 0));
  assert_true (cg_qr_get_module (qr, w - 1, 0));
  assert_true (cg_qr_get_module (qr, 0, w - 1));
  assert_false (cg_qr_get_module (qr, 1, 1));
  assert_true (cg_qr_get_module (qr, 3, 3));
  /* Bottom-right has no finder: its separator corner is not there. */
  assert_false (cg_qr_get_module (qr, w, 0));
}

/* On a dark theme's background the code is still black on white, with a
 * white quiet zone of exactly 4 modules, and modules on whole pixels. */
static void
test_black_on_white_anywhere (void **state)
{
  const int module = 8, margin = 10;
  g_autoptr (CgQr) qr = cg_qr_new (urls[0], NULL);
  cairo_surface_t *surface = draw_png (qr, module, margin, 0.15, "qr-on-dark.png");
  g_autofree char *path = png_path ("qr-on-dark.png");
  g_autofree char *text = decode (path);
  int extent = (int) cg_qr_get_extent (qr) * module;
  int quiet = CG_QR_QUIET_ZONE * module;
  guint dark = 0, light = 0;

  assert_string_equal (text, urls[0]);
  /* The canvas stays the canvas outside the code. */
  assert_int_equal (pixel (surface, margin - 1, margin - 1), 0x262626);
  for (int i = 0; i < extent; i++)
    {
      /* Quiet zone: the outer ring, 4 modules deep, all white. */
      assert_int_equal (pixel (surface, margin + i, margin + quiet - 1), 0xffffff);
      assert_int_equal (pixel (surface, margin + quiet - 1, margin + i), 0xffffff);
      assert_int_equal (pixel (surface, margin + i, margin + extent - quiet), 0xffffff);
      assert_int_equal (pixel (surface, margin + extent - quiet, margin + i), 0xffffff);
    }
  /* Inside: only pure black and pure white, each module one colour. */
  for (guint y = 0; y < cg_qr_get_width (qr); y++)
    for (guint x = 0; x < cg_qr_get_width (qr); x++)
      for (int dy = 0; dy < module; dy += module - 1)
        for (int dx = 0; dx < module; dx += module - 1)
          {
            guint32 p =
              pixel (surface, margin + quiet + x * module + dx, margin + quiet + y * module + dy);

            assert_int_equal (p, cg_qr_get_module (qr, x, y) ? 0x000000 : 0xffffff);
            if (p == 0)
              dark++;
            else
              light++;
          }
  assert_true (dark > 0 && light > 0);
  cairo_surface_destroy (surface);
}

/* The same drawing goes to paper: a PDF page with the code on it. */
static void
test_pdf (void **state)
{
  g_autoptr (CgQr) qr = cg_qr_new (urls[0], NULL);
  g_autofree char *path = png_path ("qr.pdf");
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 200, 200);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *contents = NULL;
  gsize length = 0;

  cg_qr_draw (cr, qr, 20, 20, 4);
  assert_int_equal (cairo_status (cr), CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  assert_int_equal (cairo_surface_status (surface), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  assert_true (g_file_get_contents (path, &contents, &length, NULL));
  assert_true (length > 500);
}

/* Beyond version 40 at level M (2,331 bytes) there is no code: an error,
 * not a crash or a cut URL. */
static void
test_too_long (void **state)
{
  g_autofree char *text = g_strnfill (3000, 'x');
  g_autoptr (GError) error = NULL;
  CgQr *qr = cg_qr_new (text, &error);

  assert_null (qr);
  assert_non_null (error);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_decodes_exactly),
    cmocka_unit_test (test_geometry),
    cmocka_unit_test (test_black_on_white_anywhere),
    cmocka_unit_test (test_pdf),
    cmocka_unit_test (test_too_long),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
