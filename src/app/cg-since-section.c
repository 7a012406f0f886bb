/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-since-section.c: "Since <date>" on the Review stage (see the header). */
#define G_LOG_DOMAIN "cg-since-section"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cg-chart-items.h"
#include "cg-chart-style.h"
#include "cg-charter-content.h"
#include "cg-compare.h"
#include "cg-report-since.h"
#include "cg-session-xml.h"
#include "cg-since-section.h"

struct _CgSinceSection
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *title;
  GtkWidget *compare_button;
  GtkLabel *note;
  GtkListBox *moved_list;
  GtkLabel *detail;

  /* Owned */
  CgSession *session;
  GCancellable *cancellable;
  char *load_error; /* why the last comparison could not be made, or NULL */
  gulong changed_id;
  gulong file_id;
  guint refresh_id;
  gboolean stale;
};

G_DEFINE_FINAL_TYPE (CgSinceSection, cg_since_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Showing a comparison --------------------------------------------------------------- */

static void
clear_list (CgSinceSection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->moved_list))) != NULL)
    gtk_list_box_remove (self->moved_list, child);
}

static char *
moved_subtitle (const CgItemChange *c)
{
  g_autofree char *bc = g_strdup_printf ("%.2f", c->before.consensus);
  g_autofree char *ac = g_strdup_printf ("%.2f", c->after.consensus);
  g_autofree char *bm = g_strdup_printf ("%.2f", c->before.mean);
  g_autofree char *am = g_strdup_printf ("%.2f", c->after.mean);
  GString *s = g_string_new (cg_movement_to_label (c->movement));

  /* TRANSLATORS: consensus and mean, before → after */
  g_string_append_printf (s, _(": consensus %s → %s, mean %s → %s"), bc, ac, bm, am);
  if (c->indicative)
    g_string_append_printf (s, " · %s", _("indicative: fewer than 5 answers"));
  return g_string_free (s, FALSE);
}

static gboolean
change_visible (CgSession          *session,
                const CgItemChange *c)
{
  return cg_session_answers_visible (
    session, c->kind == CG_ITEM_AIM ? CG_STAGE_AIMS : CG_STAGE_FOR_LESSON (c->lesson));
}

static guint
add_moved_rows (CgSinceSection *self,
                CgComparison   *c)
{
  g_autoptr (GPtrArray) moved = cg_comparison_most_moved (c, 0);
  guint added = 0;

  for (guint i = 0; i < moved->len && added < CG_SINCE_MAX_ITEMS; i++)
    {
      const CgItemChange *ic = g_ptr_array_index (moved, i);
      GtkWidget *row;
      g_autofree char *label = NULL, *text = NULL, *title = NULL, *subtitle = NULL;

      /* Hidden answers stay hidden: their movement would give them away. */
      if (!change_visible (self->session, ic))
        continue;
      row = adw_action_row_new ();
      label = cg_chart_item_label (self->session, ic->after_id);
      text = g_strdup_printf ("%s  %s", label, ic->text);
      title = g_markup_escape_text (text, -1);
      subtitle = moved_subtitle (ic);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->moved_list, row);
      added++;
    }
  return added;
}

static char *
resolved_text (CgSinceSection *self,
               CgComparison   *c)
{
  g_autoptr (GPtrArray) resolved = cg_comparison_resolved_tasks (c);
  g_autoptr (GString) s = g_string_new (NULL);

  if (resolved->len == 0 || !cg_session_answers_visible (self->session, CG_STAGE_ROLES))
    return NULL;
  for (guint i = 0; i < resolved->len; i++)
    {
      const CgTaskChange *tc = g_ptr_array_index (resolved, i);

      g_string_append_printf (s, "%s%s", i > 0 ? "; " : "", tc->text);
    }
  /* TRANSLATORS: followed by the tasks whose role flags were resolved */
  return g_strdup_printf (_("Roles cleared up since then: %s."), s->str);
}

static void
show_comparison (CgSinceSection *self,
                 CgComparison   *c)
{
  g_autofree char *title = cg_report_since_title (c);
  g_autofree char *resolved = resolved_text (self, c);
  g_autoptr (GString) note =
    g_string_new (_("A change in consensus of at least 0.10 counts as movement."));
  guint added;

  gtk_label_set_label (self->title, title);
  if (c->baseline_check == CG_BASELINE_DIFFERS)
    g_string_append_printf (note, " %s",
                            _("The earlier file has changed since this round was made."));
  if (c->relation == CG_RELATION_NONE)
    g_string_append_printf (note, " %s", _("Matched by text: the two sessions do not share ids."));
  gtk_label_set_label (self->note, note->str);
  added = add_moved_rows (self, c);
  gtk_widget_set_visible (GTK_WIDGET (self->moved_list), added > 0);
  if (added == 0)
    gtk_label_set_label (self->detail, _("Nothing has moved by 0.10 or more since then."));
  else
    gtk_label_set_label (self->detail, resolved != NULL ? resolved : "");
  if (added == 0 && resolved != NULL)
    {
      g_autofree char *both =
        g_strdup_printf ("%s %s", gtk_label_get_label (self->detail), resolved);
      gtk_label_set_label (self->detail, both);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->detail), *gtk_label_get_label (self->detail) != '\0');
}

/* A later round whose earlier file is not to hand: say so, and how to fix it. */
static void
show_missing (CgSinceSection   *self,
              const CgBaseline *baseline)
{
  g_autofree char *date = cg_charter_format_date (baseline->date);
  g_autofree char *title = g_strdup_printf (_("Since %s"), date != NULL ? date : baseline->title);
  g_autofree char *note = NULL;

  gtk_label_set_label (self->title, title);
  note = g_strdup_printf (
    _("The earlier session, “%s”, was not found beside this one. Use Compare with… to choose it."),
    baseline->file_name);
  gtk_label_set_label (self->note, note);
}

static void
refresh (CgSinceSection *self)
{
  g_autoptr (CgComparison) c = NULL;
  const CgBaseline *baseline =
    self->session != NULL ? cg_session_get_baseline (self->session) : NULL;

  clear_list (self);
  gtk_widget_set_visible (GTK_WIDGET (self->moved_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->detail), FALSE);
  if (self->session != NULL)
    c = cg_compare_since (self->session);
  if (c != NULL)
    show_comparison (self, c);
  else if (baseline != NULL)
    show_missing (self, baseline);
  if (c == NULL && self->load_error != NULL)
    gtk_label_set_label (self->note, self->load_error);
  gtk_widget_set_visible (GTK_WIDGET (self->title), c != NULL || baseline != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->note),
                          c != NULL || baseline != NULL || self->load_error != NULL);
}

static gboolean
refresh_idle (gpointer data)
{
  CgSinceSection *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_session_changed (CgSession      *session,
                    CgChangeKind    kind,
                    guint           a,
                    guint           b,
                    CgSinceSection *self)
{
  if (kind == CG_CHANGE_CHARTER || kind == CG_CHANGE_COMMENT || kind == CG_CHANGE_LESSON)
    return;
  /* Off screen it waits to be shown, as the rest of the Review page does. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle, self, NULL);
}

/* Loading the earlier session ------------------------------------------------------- */

typedef struct
{
  CgSinceSection *self;
  CgSession *session; /* the one it was asked for: it may have changed since */
  GFile *file;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_object_unref (load->session);
  g_object_unref (load->file);
  g_free (load);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Load *load = data;
  CgSinceSection *self = load->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autoptr (CgSession) earlier = NULL;
  g_autofree char *name = g_file_get_basename (load->file);

  if (bytes != NULL)
    earlier = cg_session_xml_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        name, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->session != load->session)
    {
      load_free (load);
      return;
    }
  g_clear_pointer (&self->load_error, g_free);
  if (earlier != NULL)
    cg_compare_set_earlier (load->session, earlier, bytes);
  else
    self->load_error =
      g_strdup_printf (_("Could not compare with “%s”: %s"), name, error->message);
  refresh (self);
  load_free (load);
}

static void
load_earlier (CgSinceSection *self,
              GFile          *file)
{
  Load *load = g_new0 (Load, 1);
  g_autoptr (GFileInfo) info =
    g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  /* Never read a huge file whole; the loader's own message says why. */
  if (info != NULL && g_file_info_get_size (info) > CG_SESSION_XML_MAX_SIZE)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CgSession) s = cg_session_xml_load_file (file, NULL, &error);

      g_free (load);
      if (error != NULL)
        {
          g_autofree char *name = g_file_get_basename (file);

          g_free (self->load_error);
          self->load_error =
            g_strdup_printf (_("Could not compare with “%s”: %s"), name, error->message);
          refresh (self);
        }
      return;
    }
  load->self = g_object_ref (self);
  load->session = g_object_ref (self->session);
  load->file = g_object_ref (file);
  g_file_load_bytes_async (file, self->cancellable, loaded_cb, load);
}

/* A later round keeps the earlier file's name; it is looked for in the
 * session's own folder. Nothing is said when it is not there: the section
 * says so itself, and offers Compare with…. */
typedef struct
{
  CgSession *session;
  GFile *file;
} Find;

static void
find_free (Find *find)
{
  g_object_unref (find->session);
  g_object_unref (find->file);
  g_free (find);
}

static void
found_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Find *find = data;
  g_autoptr (GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, NULL);
  g_autofree char *name = g_file_get_basename (find->file);
  g_autoptr (CgSession) earlier = NULL;

  if (bytes != NULL)
    earlier = cg_session_xml_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        name, NULL);
  /* Compare with… may have chosen another session meanwhile: it wins. */
  if (earlier != NULL && cg_compare_get_earlier (find->session) == NULL)
    cg_compare_set_earlier (find->session, earlier, bytes);
  find_free (find);
}

void
cg_since_find_earlier (CgSession    *session,
                       GCancellable *cancellable)
{
  const CgBaseline *baseline;
  GFile *file;
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GFile) candidate = NULL;
  g_autoptr (GFileInfo) info = NULL;
  Find *find;

  g_return_if_fail (CG_IS_SESSION (session));

  baseline = cg_session_get_baseline (session);
  file = cg_session_get_file (session);
  if (cg_compare_get_earlier (session) != NULL || baseline == NULL || file == NULL ||
      *baseline->file_name == '\0' || strchr (baseline->file_name, '/') != NULL ||
      (folder = g_file_get_parent (file)) == NULL)
    return;
  candidate = g_file_get_child (folder, baseline->file_name);
  info = g_file_query_info (candidate, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  /* Never read a huge file whole. */
  if (g_file_equal (candidate, file) || info == NULL ||
      g_file_info_get_size (info) > CG_SESSION_XML_MAX_SIZE)
    return;
  find = g_new0 (Find, 1);
  find->session = g_object_ref (session);
  find->file = g_object_ref (candidate);
  g_file_load_bytes_async (candidate, cancellable, found_cb, find);
}

static void
look_beside (CgSinceSection *self)
{
  if (self->session != NULL)
    cg_since_find_earlier (self->session, self->cancellable);
}

void
cg_since_section_compare_with_file (CgSinceSection *self,
                                    GFile          *file)
{
  g_return_if_fail (CG_IS_SINCE_SECTION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->session != NULL)
    load_earlier (self, file);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     CgSinceSection  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      cg_since_section_compare_with_file (self, file);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CgSinceSection *self = CG_SINCE_SECTION (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  gtk_file_filter_set_name (filter, _("Common Ground sessions"));
  gtk_file_filter_add_mime_type (filter, "application/x-commonground-session");
  gtk_file_filter_add_pattern (filter, "*.commonground");
  native = gtk_file_chooser_native_new (
    _("Compare with an Earlier Session"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The session ---------------------------------------------------------------------- */

static void
on_file_changed (CgSession      *session,
                 GParamSpec     *pspec,
                 CgSinceSection *self)
{
  look_beside (self);
}

CgSession *
cg_since_section_get_session (CgSinceSection *self)
{
  g_return_val_if_fail (CG_IS_SINCE_SECTION (self), NULL);
  return self->session;
}

void
cg_since_section_set_session (CgSinceSection *self,
                              CgSession      *session)
{
  g_return_if_fail (CG_IS_SINCE_SECTION (self));
  g_return_if_fail (session == NULL || CG_IS_SESSION (session));

  if (self->session == session)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_signal_handler (&self->changed_id, self->session);
  g_clear_signal_handler (&self->file_id, self->session);
  g_clear_pointer (&self->load_error, g_free);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      self->changed_id =
        g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), self);
      self->file_id =
        g_signal_connect (session, "notify::file", G_CALLBACK (on_file_changed), self);
    }
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
  look_beside (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
cg_since_section_map (GtkWidget *widget)
{
  CgSinceSection *self = CG_SINCE_SECTION (widget);

  GTK_WIDGET_CLASS (cg_since_section_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh (self);
    }
}

static void
cg_since_section_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  if (prop_id == PROP_SESSION)
    g_value_set_object (value, CG_SINCE_SECTION (object)->session);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_since_section_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  if (prop_id == PROP_SESSION)
    cg_since_section_set_session (CG_SINCE_SECTION (object), g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_since_section_dispose (GObject *object)
{
  CgSinceSection *self = CG_SINCE_SECTION (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->session);
  g_clear_signal_handler (&self->file_id, self->session);
  g_clear_object (&self->session);
  g_clear_pointer (&self->load_error, g_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cg_since_section_parent_class)->dispose (object);
}

static void
cg_since_section_class_init (CgSinceSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_since_section_get_property;
  object_class->set_property = cg_since_section_set_property;
  object_class->dispose = cg_since_section_dispose;
  widget_class->map = cg_since_section_map;
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "since.compare-with", NULL, compare_with_action);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-since-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSinceSection, title);
  gtk_widget_class_bind_template_child (widget_class, CgSinceSection, compare_button);
  gtk_widget_class_bind_template_child (widget_class, CgSinceSection, note);
  gtk_widget_class_bind_template_child (widget_class, CgSinceSection, moved_list);
  gtk_widget_class_bind_template_child (widget_class, CgSinceSection, detail);
}

static void
cg_since_section_init (CgSinceSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
cg_since_section_new (void)
{
  return g_object_new (CG_TYPE_SINCE_SECTION, NULL);
}
