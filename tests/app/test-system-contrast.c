/* SPDX-License-Identifier: GPL-3.0-or-later */
/* High contrast asked for by the system (AdwStyleManager, here through
 * libadwaita's ADW_DEBUG_HIGH_CONTRAST=1) gives the app's own 7:1 palette,
 * as the Preferences switch does: libadwaita 1.2's high-contrast style
 * keeps Adwaita's colours, so text stayed at 0.8 opacity black and the
 * success green at 4.4:1. Its own process: the setting is read once, when
 * libadwaita starts. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app-test-util.h"
#include "cg-appearance.h"

/* The colour GTK resolves for a label styled @css_class in a window. */
static GdkRGBA
label_colour (const char *css_class)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("Complete: all 24 answers");
  GdkRGBA colour;

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_iterate ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
  return colour;
}

static void
assert_rgba (GdkRGBA c,
             double  r,
             double  g,
             double  b,
             double  a)
{
  assert_true (G_APPROX_VALUE (c.red, r, 0.002));
  assert_true (G_APPROX_VALUE (c.green, g, 0.002));
  assert_true (G_APPROX_VALUE (c.blue, b, 0.002));
  assert_true (G_APPROX_VALUE (c.alpha, a, 0.002));
}

static void
test_system_high_contrast (void **state)
{
  CgAppearance *appearance = cg_appearance_get_default ();

  assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  assert_false (cg_appearance_get_force_high_contrast (appearance));
  assert_true (cg_appearance_get_high_contrast (appearance));
  /* forced-hc.css: text #000000 at full strength (Adwaita's is black at
   * 0.8), success #005a1f (Adwaita's #1b8553, 4.4:1 on white). */
  assert_rgba (label_colour (NULL), 0.0, 0.0, 0.0, 1.0);
  assert_rgba (label_colour ("success"), 0x00 / 255.0, 0x5a / 255.0, 0x1f / 255.0, 1.0);

  /* Switching the app's own setting on and off leaves the system's in force. */
  cg_appearance_set_force_high_contrast (appearance, TRUE);
  cg_appearance_set_force_high_contrast (appearance, FALSE);
  assert_rgba (label_colour ("success"), 0x00 / 255.0, 0x5a / 255.0, 0x1f / 255.0, 1.0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_system_high_contrast),
  };

  g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);
  g_setenv ("ADW_DEBUG_COLOR_SCHEME", "prefer-light", TRUE);
  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}
