/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's projector controls: the timer's own length and its
 * presets (from the "timer-presets" setting, rebuilt when Preferences
 * change it), F11 fullscreen, the window's size and maximized state kept
 * from one run to the next, the shortcuts window listing every key the
 * app binds, and Preferences' hidden-answers default for new sessions.
 * Runs under a window manager when one is installed (with-xvfb.sh -w). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app-test-util.h"
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include "cg-application.h"
#include "cg-appearance.h"
#include "cg-preferences-window.h"
#include "cg-presentation-window.h"
#include "cg-timer-button.h"
#include "cg-window.h"

typedef struct
{
  CgSession *session;
  CgWindow *window;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  static const char *const partners[] = { "Ana Lopez", "Org", "", NULL };
  static const char *const statements[] = { "We share one purpose", NULL };

  f->session = cg_test_session_new (partners, NULL, statements, NULL, NULL, NULL);
  cg_test_show_window (f->session, &f->window);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  cg_test_iterate ();
  g_object_unref (f->session);
  g_free (f);
  return 0;
}

/* Timer --------------------------------------------------------------------- */

/* The labels of the preset buttons, in order, joined by ",". */
static void
collect_presets (GtkWidget *widget,
                 GString   *out)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      g_str_has_suffix (gtk_button_get_label (GTK_BUTTON (widget)), " min"))
    g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "",
                            gtk_button_get_label (GTK_BUTTON (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_presets (c, out);
}

static char *
presets (GtkWidget *button)
{
  GString *out = g_string_new (NULL);

  collect_presets (button, out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
timer_button (Fixture *f)
{
  GtkWidget *button = cg_test_find (GTK_WIDGET (f->window), CG_TYPE_TIMER_BUTTON, NULL);

  assert_non_null (button);
  return button;
}

/* Any number of minutes typed into the popover's field, kept within its
 * 1 to 180. */
static void
test_timer_custom (void **state)
{
  Fixture *f = *state;
  GtkWidget *button = timer_button (f);
  GtkWidget *spin = cg_test_find (button, GTK_TYPE_SPIN_BUTTON, NULL);
  CgTimer *timer = cg_window_get_timer (f->window);

  assert_non_null (spin);
  gtk_editable_set_text (GTK_EDITABLE (spin), "7");
  gtk_widget_activate_action (button, "timer.set-custom", NULL);
  assert_string_equal (cg_timer_button_get_text (CG_TIMER_BUTTON (button)), "7:00");
  assert_int_equal (cg_timer_get_remaining (timer), 7 * 60);
  assert_int_equal (cg_timer_get_state (timer), CG_TIMER_STOPPED);

  gtk_editable_set_text (GTK_EDITABLE (spin), "0");
  gtk_widget_activate_action (button, "timer.set-custom", NULL);
  assert_string_equal (cg_timer_button_get_text (CG_TIMER_BUTTON (button)), "1:00");

  /* A preset puts its value in the field, for the next small change. */
  gtk_widget_activate_action (button, "timer.set-minutes", "u", 10);
  assert_string_equal (cg_timer_button_get_text (CG_TIMER_BUTTON (button)), "10:00");
  assert_int_equal (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), 10);
}

static GtkWindow *
open_preferences (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL);
  cg_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (CG_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  fail_msg ("Preferences did not open");
  return NULL;
}

/* The presets are the setting's; Preferences changes them and the popover
 * shows the new ones at once. */
static void
test_timer_presets (void **state)
{
  Fixture *f = *state;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *button = timer_button (f);
  GtkWindow *prefs;
  GtkWidget *row;
  GtkWidget *twenty;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rejected = NULL;

  g_settings_reset (settings, "timer-presets");
  cg_test_iterate ();
  before = presets (button);
  assert_string_equal (before, "2 min,5 min,10 min,15 min");

  prefs = open_preferences (f);
  row = cg_test_find (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW,
                      "Presets in minutes, separated by commas");
  assert_non_null (row);
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (row)), "2, 5, 10, 15");
  gtk_editable_set_text (GTK_EDITABLE (row), "3, 20");
  g_signal_emit_by_name (row, "apply");
  cg_test_iterate ();
  after = presets (button);
  assert_string_equal (after, "3 min,20 min");

  twenty = cg_test_find (button, GTK_TYPE_BUTTON, "20 min");
  assert_non_null (twenty);
  g_signal_emit_by_name (twenty, "clicked");
  assert_string_equal (cg_timer_button_get_text (CG_TIMER_BUTTON (button)), "20:00");

  /* A wrong list changes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (row), "3, lots");
  g_signal_emit_by_name (row, "apply");
  cg_test_iterate ();
  rejected = presets (button);
  assert_string_equal (rejected, "3 min,20 min");
  assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_window_destroy (prefs);
  g_settings_reset (settings, "timer-presets");
}

/* Preferences: hidden answers for new sessions -------------------------------- */

static void
test_hidden_default (void **state)
{
  Fixture *f = *state;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (CgSession) plain = NULL;
  g_autoptr (CgSession) hidden = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *prefs;
  GtkWidget *row;
  GtkWidget *sw;

  g_settings_reset (settings, "answers-hidden-default");
  plain = cg_application_create_session (NULL, &error);
  assert_non_null (plain);
  assert_false (cg_session_get_answers_hidden (plain));

  prefs = open_preferences (f);
  row = cg_test_find (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "Hide answers until revealed");
  assert_non_null (row);
  sw = cg_test_find (row, GTK_TYPE_SWITCH, NULL);
  assert_non_null (sw);
  assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  assert_true (g_settings_get_boolean (settings, "answers-hidden-default"));

  hidden = cg_application_create_session (NULL, &error);
  assert_non_null (hidden);
  assert_true (cg_session_get_answers_hidden (hidden));
  /* A new session is not modified: nothing to save yet. */
  assert_false (cg_session_get_modified (hidden));
  /* The open session keeps its own state. */
  assert_false (cg_session_get_answers_hidden (f->session));
  gtk_window_destroy (prefs);
  g_settings_reset (settings, "answers-hidden-default");
}

/* F11 ------------------------------------------------------------------------ */

static gboolean
is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

#ifdef GDK_WINDOWING_X11
static gboolean
press_key (GtkWindow  *window,
           const char *key)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *cmd = NULL;
  int status = 0;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;
  /* Focus first and wait for it: the window manager may take a moment. */
  cmd = g_strdup_printf ("%s windowfocus %lu", xdotool, (gulong) gdk_x11_surface_get_xid (surface));
  assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, NULL));
  assert_true (cg_test_wait_for (is_active, window, 3000));
  g_free (cmd);
  cmd = g_strdup_printf ("%s key --clearmodifiers %s", xdotool, key);
  assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, NULL));
  assert_int_equal (status, 0);
  return TRUE;
}

static gboolean
wm_does_fullscreen (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  return GDK_IS_X11_DISPLAY (display) &&
         gdk_x11_screen_supports_net_wm_hint (gdk_x11_display_get_screen (display),
                                              "_NET_WM_STATE_FULLSCREEN");
}
#else
static gboolean
press_key (GtkWindow  *window,
           const char *key)
{
  return FALSE;
}

static gboolean
wm_does_fullscreen (GtkWidget *widget)
{
  return FALSE;
}
#endif

static gboolean
is_fullscreen (gpointer window)
{
  return gtk_window_is_fullscreen (window);
}

static gboolean
is_not_fullscreen (gpointer window)
{
  return !gtk_window_is_fullscreen (window);
}

/* F11, pressed as a key, fills the screen with the main window; F11 again
 * gives the window back. Only a window manager makes a window fullscreen. */
static void
test_f11_fullscreen (void **state)
{
  Fixture *f = *state;
  GtkWindow *window = GTK_WINDOW (f->window);

  if (!wm_does_fullscreen (GTK_WIDGET (window)))
    skip ();
  assert_false (gtk_window_is_fullscreen (window));
  if (!press_key (window, "F11"))
    skip ();
  assert_true (cg_test_wait_for (is_fullscreen, window, 3000));
  assert_true (press_key (window, "F11"));
  assert_true (cg_test_wait_for (is_not_fullscreen, window, 3000));
}

/* Window size and state ------------------------------------------------------ */

static gboolean
is_maximized (gpointer window)
{
  return gtk_window_is_maximized (window);
}

/* Closes @window as a person would (nothing unsaved, so no question). */
static void
close_window (CgWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  cg_session_set_unmodified (cg_window_get_session (window));
  gtk_window_close (GTK_WINDOW (window));
  cg_test_iterate ();
  assert_null (window);
}

/* The window comes back at the size it was closed at, and maximized when
 * it was (Preferences keep "window-width", "-height", "-maximized"). */
static void
test_window_size_remembered (void **state)
{
  Fixture *f = *state;
  GSettings *settings = cg_settings_get ();
  CgWindow *second, *third;
  int width = 0, height = 0;

  assert_non_null (settings);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 650);
  close_window (f->window);
  assert_int_equal (g_settings_get_int (settings, "window-width"), 900);
  assert_int_equal (g_settings_get_int (settings, "window-height"), 650);
  assert_false (g_settings_get_boolean (settings, "window-maximized"));

  second = cg_window_new (NULL);
  cg_window_set_session (second, f->session);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  assert_int_equal (width, 900);
  assert_int_equal (height, 650);
  gtk_window_present (GTK_WINDOW (second));
  cg_test_iterate ();
  if (!wm_does_fullscreen (GTK_WIDGET (second)))
    {
      gtk_window_destroy (GTK_WINDOW (second));
      g_settings_reset (settings, "window-width");
      g_settings_reset (settings, "window-height");
      skip ();
    }
  gtk_window_maximize (GTK_WINDOW (second));
  assert_true (cg_test_wait_for (is_maximized, second, 3000));
  close_window (second);
  assert_true (g_settings_get_boolean (settings, "window-maximized"));
  /* Maximized is a state, not a size: the size to go back to is kept. */
  assert_int_equal (g_settings_get_int (settings, "window-width"), 900);

  third = cg_window_new (NULL);
  cg_window_set_session (third, f->session);
  gtk_window_present (GTK_WINDOW (third));
  assert_true (cg_test_wait_for (is_maximized, third, 3000));
  gtk_window_destroy (GTK_WINDOW (third));
  cg_test_iterate ();
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

/* Shortcuts window --------------------------------------------------------- */

/* The shortcuts window names a key once; its keypad twin is the same key. */
static guint
plain_key (guint key)
{
  static const guint twins[][2] = {
    { GDK_KEY_KP_Add, GDK_KEY_plus },
    { GDK_KEY_KP_Subtract, GDK_KEY_minus },
    { GDK_KEY_KP_0, GDK_KEY_0 },
    { GDK_KEY_KP_Page_Down, GDK_KEY_Page_Down },
    { GDK_KEY_KP_Page_Up, GDK_KEY_Page_Up },
    { GDK_KEY_KP_Left, GDK_KEY_Left },
    { GDK_KEY_KP_Right, GDK_KEY_Right },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (twins); i++)
    if (key == twins[i][0])
      return twins[i][1];
  return gdk_keyval_to_lower (key);
}

static char *
accel_name (guint           key,
            GdkModifierType mods)
{
  return gtk_accelerator_name (plain_key (key), mods & gtk_accelerator_get_default_mod_mask ());
}

static void
add_accel_string (GHashTable *set,
                  const char *accel)
{
  guint key = 0;
  GdkModifierType mods = 0;

  assert_true (gtk_accelerator_parse (accel, &key, &mods));
  g_hash_table_add (set, accel_name (key, mods));
}

/* Every key @widget binds to one of our own actions ("win.", "presentation."),
 * as accelerator names; into @by_action under the action's name too. */
static void
widget_keys (GtkWidget  *widget,
             GHashTable *set,
             GHashTable *by_action)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          const char *name;
          char *accel;

          if (!GTK_IS_NAMED_ACTION (action) || !GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (!g_str_has_prefix (name, "win.") && !g_str_has_prefix (name, "presentation."))
            continue;
          accel = accel_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          g_hash_table_add (set, accel);
          if (by_action != NULL)
            g_hash_table_insert (by_action, g_strdup (name), g_strdup (accel));
        }
    }
}

/* The application's own accelerators (cg-application.c), as a running app
 * sets them at startup. No session bus: it runs as a lone instance. */
static void
app_keys (GHashTable *set,
          GHashTable *by_action)
{
  g_autoptr (CgApplication) app = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) actions = NULL;

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  app = cg_application_new ();
  assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto (GStrv) accels =
        gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint k = 0; accels[k] != NULL; k++)
        {
          add_accel_string (set, accels[k]);
          if (by_action != NULL && k == 0)
            {
              guint key = 0;
              GdkModifierType mods = 0;

              gtk_accelerator_parse (accels[k], &key, &mods);
              g_hash_table_insert (by_action, g_strdup (actions[i]), accel_name (key, mods));
            }
        }
    }
}

/* What the shortcuts window lists: its accelerators, and for an entry
 * given by action the keys that action has. */
static GHashTable *
listed_keys (GHashTable *by_action)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/commonground/CommonGround/cg-shortcuts.ui");
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GSList *objects = gtk_builder_get_objects (builder);
  guint n = 0;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accel = NULL;
      g_autofree char *action = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      n++;
      g_object_get (l->data, "accelerator", &accel, "action-name", &action, NULL);
      if (accel != NULL)
        {
          g_auto (GStrv) parts = g_strsplit (accel, " ", -1);

          for (guint i = 0; parts[i] != NULL; i++)
            if (*parts[i] != '\0')
              add_accel_string (set, parts[i]);
        }
      else if (action != NULL && g_hash_table_contains (by_action, action))
        g_hash_table_add (set, g_strdup (g_hash_table_lookup (by_action, action)));
    }
  g_slist_free (objects);
  assert_true (n >= 30);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  return set;
}

static void
test_shortcuts_listed (void **state)
{
  Fixture *f = *state;
  g_autoptr (GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) by_action =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) listed = NULL;
  GtkWindow *presentation;
  GHashTableIter iter;
  gpointer key;
  guint missing = 0;

  widget_keys (GTK_WIDGET (f->window), bound, by_action);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  cg_test_iterate ();
  presentation = cg_window_get_presentation (f->window);
  assert_non_null (presentation);
  widget_keys (GTK_WIDGET (presentation), bound, NULL);
  app_keys (bound, by_action);
  /* What the three files bind, at the least: F5, F11 and Ctrl+0 in the
   * window, the presentation's Right, and the app's Ctrl+Q. */
  assert_true (g_hash_table_contains (bound, "F5"));
  assert_true (g_hash_table_contains (bound, "F11"));
  assert_true (g_hash_table_contains (bound, "<Control>0"));
  assert_true (g_hash_table_contains (bound, "Right"));
  assert_true (g_hash_table_contains (bound, "<Control>q"));

  listed = listed_keys (by_action);
  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (listed, key))
      {
        g_printerr ("bound but not in the shortcuts window: %s\n", (const char *) key);
        missing++;
      }
  assert_int_equal (missing, 0);
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_timer_custom, setup, teardown),
    cmocka_unit_test_setup_teardown (test_timer_presets, setup, teardown),
    cmocka_unit_test_setup_teardown (test_hidden_default, setup, teardown),
    cmocka_unit_test_setup_teardown (test_f11_fullscreen, setup, teardown),
    cmocka_unit_test_setup_teardown (test_window_size_remembered, setup, teardown),
    cmocka_unit_test_setup_teardown (test_shortcuts_listed, setup, teardown),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}
