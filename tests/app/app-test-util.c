/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "app-test-util.h"

gboolean
cg_test_init_display (void)
{
  /* Same renderer everywhere, and X11 under xvfb-run. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);
  /* The GL driver GDK probes leaks from a library it unloads again, which
   * LeakSanitizer cannot name or suppress; the cairo renderer needs no GL. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return FALSE;
  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  return TRUE;
}

void
cg_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
cg_test_wait_for (gboolean (*cond) (gpointer data), gpointer data, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return cond (data);
}

static const char *
widget_text (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_ENTRY (widget) && gtk_entry_get_placeholder_text (GTK_ENTRY (widget)))
    return gtk_entry_get_placeholder_text (GTK_ENTRY (widget));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  return NULL;
}

static gboolean
widget_matches (GtkWidget  *widget,
                const char *text)
{
  const char *own = widget_text (widget);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  g_autofree char *stripped = NULL;

  if (own != NULL)
    {
      /* "_Add Partner" is seen as "Add Partner". */
      stripped = g_strdup (own);
      if (stripped[0] != '\0')
        {
          char *u = strchr (stripped, '_');
          if (u != NULL)
            memmove (u, u + 1, strlen (u));
        }
      if (g_strcmp0 (stripped, text) == 0)
        return TRUE;
    }
  return g_strcmp0 (tooltip, text) == 0;
}

GtkWidget *
cg_test_find (GtkWidget  *root,
              GType       type,
              const char *text)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && (text == NULL || widget_matches (root, text)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cg_test_find (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkListBox *
cg_test_find_stage_list (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX (root) && gtk_widget_has_css_class (root, "stage-list"))
    return GTK_LIST_BOX (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkListBox *found = cg_test_find_stage_list (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
cg_test_window_new (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1100, 760);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  cg_test_iterate ();
  return window;
}

void
cg_test_type (GtkEditable *editable,
              const char  *text)
{
  int position;

  gtk_editable_delete_text (editable, 0, -1);
  position = gtk_editable_get_position (editable);
  gtk_editable_insert_text (editable, text, -1, &position);
  gtk_editable_set_position (editable, position);
}

const char *const cg_test_partners[] = {
  "Alex Smith", "Social Services", "Manager", "Sam Jones", "",
  "GP",         "Priya Patel",     "Housing", "Officer",   NULL,
};
const char *const cg_test_statements[] = {
  "We have a shared purpose",
  "Leadership is accepted by all",
  NULL,
};
const char *const cg_test_tasks[] = {
  "Chair the weekly meeting",
  "Keep the family informed",
  NULL,
};

CgSession *
cg_test_session_new (const char *const *partners,
                     guint             *partner_ids,
                     const char *const *statements,
                     guint             *statement_ids,
                     const char *const *tasks,
                     guint             *task_ids)
{
  CgSession *session = cg_session_new ();
  guint id;

  for (guint i = 0; partners != NULL && partners[3 * i] != NULL; i++)
    {
      id =
        cg_session_add_partner (session, partners[3 * i], partners[3 * i + 1], partners[3 * i + 2]);
      if (partner_ids != NULL)
        partner_ids[i] = id;
    }
  for (guint i = 0; statements != NULL && statements[i] != NULL; i++)
    {
      id = cg_session_add_statement (session, 0, statements[i]);
      if (statement_ids != NULL)
        statement_ids[i] = id;
    }
  for (guint i = 0; tasks != NULL && tasks[i] != NULL; i++)
    {
      id = cg_session_add_task (session, tasks[i]);
      if (task_ids != NULL)
        task_ids[i] = id;
    }
  return session;
}

void
cg_test_show_window (CgSession *session,
                     CgWindow **window)
{
  *window = cg_window_new (NULL);
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
  cg_window_set_session (*window, session);
  gtk_window_present (GTK_WINDOW (*window));
  cg_test_iterate ();
}
