/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-charter-page"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-analysis.h"
#include "cg-charter-content.h"
#include "cg-charter-layout.h"
#include "cg-charter-page.h"
#include "cg-stage-page.h"
#include "cg-undo-keys.h"

#define PREVIEW_PAD 16.0
#define PREVIEW_GAP 16.0
#define PREVIEW_DELAY_MS 250

struct _CgCharterPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkPaned *paned;
  AdwEntryRow *title_row;
  GtkTextView *purpose_view;
  GtkTextView *ground_rules_view;
  GtkTextView *measures_view;
  AdwEntryRow *review_date_row;
  GtkTextView *learning_view;
  GtkTextView *still_to_resolve_view;
  GtkTextView *work_on_view;
  GtkWidget *title_reset;
  GtkWidget *purpose_reset;
  GtkWidget *ground_rules_reset;
  GtkWidget *measures_reset;
  GtkWidget *review_date_reset;
  GtkWidget *learning_reset;
  GtkWidget *still_to_resolve_reset;
  GtkWidget *work_on_reset;
  GtkLabel *partners_label;
  GtkLabel *aims_label;
  GtkListBox *roles_list;
  GtkLabel *pages_label;
  GtkDropDown *paper_dropdown;
  GtkDrawingArea *preview;

  /* Owned */
  CgSession *session;
  CgCharterLayout *layout;
  GSignalGroup *session_signals;
  guint preview_source;
  gboolean stale; /* the session changed while the page was not shown */

  /* Borrowed: the template widgets above, by CgCharterField */
  GtkWidget *editors[CG_N_CHARTER_FIELDS];
  GtkWidget *resets[CG_N_CHARTER_FIELDS];

  /* Non-zero while the page copies the session into its widgets. */
  guint updating;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CgCharterPage,
                               cg_charter_page,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CG_TYPE_STAGE_PAGE, NULL))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text fields ---------------------------------------------------------------- */

static char *
editor_get_text (GtkWidget *editor)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (editor))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
editor_set_text (CgCharterPage *self,
                 GtkWidget     *editor,
                 const char    *text)
{
  g_autofree char *current = editor_get_text (editor);

  /* Only a real difference touches the editor, so typing keeps its cursor. */
  if (g_strcmp0 (current, text) == 0)
    return;
  self->updating++;
  if (GTK_IS_EDITABLE (editor))
    gtk_editable_set_text (GTK_EDITABLE (editor), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
  self->updating--;
}

static void
update_field (CgCharterPage *self,
              CgCharterField field)
{
  g_autofree char *text = NULL;
  gboolean own = FALSE;

  if (self->session != NULL)
    {
      text = cg_charter_dup_text (self->session, field);
      own = cg_session_get_charter_field (self->session, field) != NULL;
    }
  editor_set_text (self, self->editors[field], text != NULL ? text : "");
  /* The reset button is there only when there is something to reset. */
  gtk_widget_set_visible (self->resets[field], own);
}

static void
on_editor_changed (CgCharterPage *self,
                   gpointer       editor_or_buffer)
{
  for (CgCharterField field = 0; field < CG_N_CHARTER_FIELDS; field++)
    {
      GtkWidget *editor = self->editors[field];
      g_autofree char *text = NULL;

      if (editor != editor_or_buffer &&
          (GTK_IS_EDITABLE (editor) ||
           gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)) != editor_or_buffer))
        continue;
      if (self->updating || self->session == NULL)
        return;
      /* The first keystroke makes the text the facilitator's own. */
      text = editor_get_text (editor);
      cg_session_set_charter_field (self->session, field, text);
      return;
    }
}

static void
reset_field_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CgCharterPage *self = CG_CHARTER_PAGE (widget);
  int field = g_variant_get_int32 (parameter);

  if (self->session == NULL || field < 0 || field >= CG_N_CHARTER_FIELDS)
    return;
  cg_session_set_charter_field (self->session, (CgCharterField) field, NULL);
}

/* What the charter takes from other stages ---------------------------------- */

static void
update_partners (CgCharterPage *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n = self->session != NULL ? cg_session_get_n_partners (self->session) : 0;

  for (guint i = 0; i < n; i++)
    {
      const CgPartner *p = cg_session_get_partner (self->session, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", p->name);
      if (*p->organisation != '\0')
        g_string_append_printf (text, " — %s", p->organisation);
      if (*p->role != '\0')
        g_string_append_printf (text, ", %s", p->role);
    }
  gtk_label_set_text (self->partners_label, n > 0 ? text->str : _("No partners yet."));
}

static void
update_aims (CgCharterPage *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GArray) aims = NULL;

  if (self->session != NULL)
    aims = cg_charter_get_agreed_aims (self->session);
  for (guint i = 0; aims != NULL && i < aims->len; i++)
    {
      const CgItem *aim = cg_session_lookup_item (self->session, g_array_index (aims, guint, i));

      g_string_append_printf (text, "%s%u. %s", i > 0 ? "\n" : "", i + 1, aim->text);
    }
  gtk_label_set_text (self->aims_label,
                      text->len > 0 ? text->str : _("No aims are marked agreed yet."));
}

static void
on_accountable_selected (CgCharterPage *self,
                         GParamSpec    *pspec,
                         AdwComboRow   *row)
{
  guint task = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cg-task"));
  guint selected = adw_combo_row_get_selected (row);
  const CgPartner *partner;

  if (self->updating || self->session == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  partner = selected > 0 ? cg_session_get_partner (self->session, selected - 1) : NULL;
  cg_session_set_task_charter_accountable (self->session, task, partner != NULL ? partner->id : 0);
}

/* "Follow the room: Sam Okafor", or what is open. */
static char *
room_choice_label (CgSession         *session,
                   const CgTask      *task,
                   const CgTaskStats *stats)
{
  g_autofree char *names = NULL;

  if (stats->accountable->len == 1)
    return g_strdup_printf (
      _("Follow the room: %s"),
      cg_session_lookup_partner (session, g_array_index (stats->accountable, guint, 0))->name);
  if (stats->accountable->len == 0)
    return g_strdup (_("Follow the room: nobody claimed it"));
  names = cg_charter_join_partner_names (session, stats->accountable);
  return g_strdup_printf (_("Follow the room: claimed by %s"), names);
}

static GtkWidget *
create_task_row (CgCharterPage *self,
                 const CgTask  *task)
{
  g_autoptr (CgTaskStats) stats = cg_analysis_task (self->session, task->id);
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *room = room_choice_label (self->session, task, stats);
  g_autofree char *doers = cg_charter_join_partner_names (self->session, stats->responsible);
  g_autofree char *subtitle =
    g_strdup_printf (_("Responsible: %s"), *doers != '\0' ? doers : _("nobody named"));
  int position = task->charter_accountable != 0
                   ? cg_session_partner_position (self->session, task->charter_accountable)
                   : -1;
  GtkWidget *row = adw_combo_row_new ();

  gtk_string_list_append (model, room);
  for (guint i = 0; i < cg_session_get_n_partners (self->session); i++)
    gtk_string_list_append (model, cg_session_get_partner (self->session, i)->name);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position >= 0 ? (guint) position + 1 : 0);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), task->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "cg-task", GUINT_TO_POINTER (task->id));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_accountable_selected), self,
                           G_CONNECT_SWAPPED);
  return row;
}

static void
update_roles (CgCharterPage *self)
{
  GtkWidget *child;
  guint n = self->session != NULL ? cg_session_get_n_tasks (self->session) : 0;

  self->updating++;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->roles_list))) != NULL)
    gtk_list_box_remove (self->roles_list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->roles_list,
                         create_task_row (self, cg_session_get_task (self->session, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->roles_list), n > 0);
  self->updating--;
}

/* Preview -------------------------------------------------------------------- */

CgPaperSize
cg_charter_page_get_paper (CgCharterPage *self)
{
  g_return_val_if_fail (CG_IS_CHARTER_PAGE (self), CG_PAPER_A4);
  return gtk_drop_down_get_selected (self->paper_dropdown) == 1 ? CG_PAPER_LETTER : CG_PAPER_A4;
}

static double
preview_scale (CgCharterPage *self,
               int            width)
{
  double page_w, page_h;

  cg_paper_size_get_size (cg_charter_page_get_paper (self), &page_w, &page_h);
  return MAX (0.05, (width - 2 * PREVIEW_PAD) / page_w);
}

static void
update_preview_height (CgCharterPage *self,
                       int            width)
{
  double page_w, page_h, scale = preview_scale (self, width);
  guint n = self->layout != NULL ? cg_charter_layout_get_n_pages (self->layout) : 0;
  int height;

  cg_paper_size_get_size (cg_charter_page_get_paper (self), &page_w, &page_h);
  height = (int) (PREVIEW_PAD + n * (page_h * scale + PREVIEW_GAP));
  if (gtk_drawing_area_get_content_height (self->preview) != height)
    gtk_drawing_area_set_content_height (self->preview, height);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  CgCharterPage *self = data;
  double page_w, page_h, scale = preview_scale (self, width);
  double clip_top, clip_bottom, x0, x1;

  if (self->layout == NULL)
    return;
  cg_paper_size_get_size (cg_charter_page_get_paper (self), &page_w, &page_h);
  cairo_clip_extents (cr, &x0, &clip_top, &x1, &clip_bottom);
  for (guint page = 0; page < cg_charter_layout_get_n_pages (self->layout); page++)
    {
      double y = PREVIEW_PAD + page * (page_h * scale + PREVIEW_GAP);

      /* Only the pages in view are painted: a long charter stays quick. */
      if (y > clip_bottom || y + page_h * scale < clip_top)
        continue;
      cairo_save (cr);
      cairo_translate (cr, PREVIEW_PAD, y);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
      cairo_rectangle (cr, 1, 2, page_w * scale, page_h * scale);
      cairo_fill (cr);
      /* Paper is white in every theme: it is what will be printed. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, page_w * scale, page_h * scale);
      cairo_fill (cr);
      cairo_scale (cr, scale, scale);
      cg_charter_layout_render_page (self->layout, cr, page);
      cairo_restore (cr);
    }
}

static void
rebuild_preview (CgCharterPage *self)
{
  double page_w, page_h;
  g_autofree char *pages = NULL;
  guint n;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_object (&self->layout);
  if (self->session == NULL)
    return;
  cg_paper_size_get_size (cg_charter_page_get_paper (self), &page_w, &page_h);
  self->layout = cg_charter_layout_new (self->session, page_w, page_h, NULL);
  n = cg_charter_layout_get_n_pages (self->layout);
  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n), n);
  gtk_label_set_text (self->pages_label, pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pages, -1);
  update_preview_height (self, gtk_widget_get_width (GTK_WIDGET (self->preview)));
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static gboolean
preview_timeout_cb (gpointer data)
{
  CgCharterPage *self = data;

  self->preview_source = 0;
  rebuild_preview (self);
  return G_SOURCE_REMOVE;
}

/* Typing changes the session at every key; the pages follow a moment later. */
static void
schedule_preview (CgCharterPage *self)
{
  if (self->preview_source == 0)
    self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

guint
cg_charter_page_get_n_pages (CgCharterPage *self)
{
  g_return_val_if_fail (CG_IS_CHARTER_PAGE (self), 0);
  if (self->preview_source != 0 || self->stale)
    rebuild_preview (self);
  return self->layout != NULL ? cg_charter_layout_get_n_pages (self->layout) : 0;
}

static void
on_preview_resize (CgCharterPage  *self,
                   int             width,
                   int             height,
                   GtkDrawingArea *area)
{
  update_preview_height (self, width);
}

static void
on_paper_changed (CgCharterPage *self,
                  GParamSpec    *pspec,
                  GtkDropDown   *dropdown)
{
  rebuild_preview (self);
}

/* Session -------------------------------------------------------------------- */

static gboolean
roles_idle_cb (gpointer data)
{
  CgCharterPage *self = data;

  g_object_steal_data (G_OBJECT (self), "cg-roles-idle");
  update_roles (self);
  return G_SOURCE_REMOVE;
}

/* Rebuilt after the signal, never from inside a row's own handler. */
static void
schedule_roles (CgCharterPage *self)
{
  guint id;

  if (g_object_get_data (G_OBJECT (self), "cg-roles-idle") != NULL)
    return;
  id =
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, roles_idle_cb, g_object_ref (self), g_object_unref);
  g_object_set_data (G_OBJECT (self), "cg-roles-idle", GUINT_TO_POINTER (id));
}

static void
update_all (CgCharterPage *self)
{
  for (CgCharterField field = 0; field < CG_N_CHARTER_FIELDS; field++)
    update_field (self, field);
  update_partners (self);
  update_aims (self);
}

static void
session_changed_cb (CgCharterPage *self,
                    CgChangeKind   kind,
                    guint          a,
                    guint          b,
                    CgSession     *session)
{
  /* Off screen nothing is redone until the page is shown again: a key in
   * the role grids paid ~110 ms for the charter's text and pages once the
   * Charter stage had been visited. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  /* Generated text draws on nearly everything (details, ratings, roles),
   * so every change refreshes it; the editors are touched only where the
   * text really differs. */
  update_all (self);
  if (kind != CG_CHANGE_CHARTER && kind != CG_CHANGE_DETAIL && kind != CG_CHANGE_COMMENT &&
      kind != CG_CHANGE_RATING && kind != CG_CHANGE_LESSON)
    schedule_roles (self);
  schedule_preview (self);
}

static void
cg_charter_page_map (GtkWidget *widget)
{
  CgCharterPage *self = CG_CHARTER_PAGE (widget);

  GTK_WIDGET_CLASS (cg_charter_page_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      update_all (self);
      update_roles (self);
      rebuild_preview (self);
    }
}

static void
cg_charter_page_set_session (CgCharterPage *self,
                             CgSession     *session)
{
  if (!g_set_object (&self->session, session))
    return;
  g_signal_group_set_target (self->session_signals, session);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paned), session != NULL);
  update_all (self);
  update_roles (self);
  rebuild_preview (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
cg_charter_page_dispose (GObject *object)
{
  CgCharterPage *self = CG_CHARTER_PAGE (object);
  guint idle = GPOINTER_TO_UINT (g_object_steal_data (object, "cg-roles-idle"));

  if (idle != 0)
    g_source_remove (idle);
  cg_charter_page_set_session (self, NULL);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_object (&self->layout);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_CHARTER_PAGE);
  G_OBJECT_CLASS (cg_charter_page_parent_class)->dispose (object);
}

static void
cg_charter_page_finalize (GObject *object)
{
  g_object_unref (CG_CHARTER_PAGE (object)->session_signals);
  G_OBJECT_CLASS (cg_charter_page_parent_class)->finalize (object);
}

static void
cg_charter_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CgCharterPage *self = CG_CHARTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_STAGE: g_value_set_int (value, CG_STAGE_CHARTER); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_charter_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CgCharterPage *self = CG_CHARTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: cg_charter_page_set_session (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CgCharterPage, name)

static void
cg_charter_page_class_init (CgCharterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_charter_page_dispose;
  object_class->finalize = cg_charter_page_finalize;
  object_class->get_property = cg_charter_page_get_property;
  object_class->set_property = cg_charter_page_set_property;
  widget_class->map = cg_charter_page_map;

  properties[PROP_SESSION] =
    cg_stage_page_override_properties (object_class, PROP_SESSION, PROP_STAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-charter-page.ui");
  BIND (paned);
  BIND (title_row);
  BIND (purpose_view);
  BIND (ground_rules_view);
  BIND (measures_view);
  BIND (review_date_row);
  BIND (learning_view);
  BIND (still_to_resolve_view);
  BIND (work_on_view);
  BIND (title_reset);
  BIND (purpose_reset);
  BIND (ground_rules_reset);
  BIND (measures_reset);
  BIND (review_date_reset);
  BIND (learning_reset);
  BIND (still_to_resolve_reset);
  BIND (work_on_reset);
  BIND (partners_label);
  BIND (aims_label);
  BIND (roles_list);
  BIND (pages_label);
  BIND (paper_dropdown);
  BIND (preview);
  gtk_widget_class_install_action (widget_class, "charter.reset-field", "i", reset_field_action);
}

static void
connect_editor (CgCharterPage *self,
                CgCharterField field,
                gpointer       editor,
                GtkWidget     *reset)
{
  self->editors[field] = GTK_WIDGET (editor);
  /* Each keystroke is a session edit: Ctrl+Z is the window's undo. */
  cg_undo_keys_disable_text_undo (GTK_WIDGET (editor));
  self->resets[field] = reset;
  if (GTK_IS_EDITABLE (editor))
    g_signal_connect_object (editor, "changed", G_CALLBACK (on_editor_changed), self,
                             G_CONNECT_SWAPPED);
  else
    g_signal_connect_object (gtk_text_view_get_buffer (editor), "changed",
                             G_CALLBACK (on_editor_changed), self, G_CONNECT_SWAPPED);
}

static void
cg_charter_page_init (CgCharterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->session_signals = g_signal_group_new (CG_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "changed", G_CALLBACK (session_changed_cb),
                                 self, G_CONNECT_SWAPPED);

  connect_editor (self, CG_CHARTER_TITLE, self->title_row, self->title_reset);
  connect_editor (self, CG_CHARTER_PURPOSE, self->purpose_view, self->purpose_reset);
  connect_editor (self, CG_CHARTER_GROUND_RULES, self->ground_rules_view, self->ground_rules_reset);
  connect_editor (self, CG_CHARTER_MEASURES, self->measures_view, self->measures_reset);
  connect_editor (self, CG_CHARTER_REVIEW_DATE, self->review_date_row, self->review_date_reset);
  connect_editor (self, CG_CHARTER_LEARNING, self->learning_view, self->learning_reset);
  connect_editor (self, CG_CHARTER_WORK_ON, self->work_on_view, self->work_on_reset);
  connect_editor (self, CG_CHARTER_STILL_TO_RESOLVE, self->still_to_resolve_view,
                  self->still_to_resolve_reset);

  gtk_drop_down_set_selected (self->paper_dropdown, cg_paper_size_for_locale () == CG_PAPER_LETTER);
  g_signal_connect_object (self->paper_dropdown, "notify::selected", G_CALLBACK (on_paper_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect_object (self->preview, "resize", G_CALLBACK (on_preview_resize), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paned), FALSE);
  update_all (self);
}

GtkWidget *
cg_charter_page_new (void)
{
  return g_object_new (CG_TYPE_CHARTER_PAGE, NULL);
}
