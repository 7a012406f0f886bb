/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-session-page"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cg-session-page.h"
#include "cg-stage-page.h"
#include "cg-undo-keys.h"

struct _CgSessionPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwPreferencesPage *page;
  AdwEntryRow *title_row;
  AdwEntryRow *date_row;
  AdwEntryRow *facilitator_row;
  GtkLabel *date_error;
  GtkPopover *calendar_popover;
  GtkCalendar *calendar;
  GtkTextView *context_view;
  AdwActionRow *scenario_row;
  GtkSwitch *hidden_switch;

  /* Owned */
  CgSession *session;
  GSignalGroup *session_signals;

  /* Non-zero while the page copies the session into its widgets, so the
   * copy is not written back as an edit. */
  guint updating;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CgSessionPage,
                               cg_session_page,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CG_TYPE_STAGE_PAGE, NULL))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "YYYY-MM-DD" naming a real day; empty is fine too (no date). */
static gboolean
date_is_valid (const char *text)
{
  guint year, month, day;
  char end;

  if (text[0] == '\0')
    return TRUE;
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;
  return g_date_valid_dmy (day, month, year);
}

static void
set_editable_text (CgSessionPage *self,
                   GtkEditable   *editable,
                   const char    *text)
{
  /* Only a real difference (undo, a load) touches the entry, so typing
   * never has its cursor moved. */
  if (g_strcmp0 (gtk_editable_get_text (editable), text) == 0)
    return;
  self->updating++;
  gtk_editable_set_text (editable, text);
  self->updating--;
}

static void
show_date_validity (CgSessionPage *self,
                    gboolean       valid)
{
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), !valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
}

static void
update_context (CgSessionPage *self,
                const char    *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->context_view);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text) == 0)
    return;
  self->updating++;
  gtk_text_buffer_set_text (buffer, text, -1);
  self->updating--;
}

static void
update_detail (CgSessionPage *self,
               CgDetail       field)
{
  const char *text = self->session ? cg_session_get_detail (self->session, field) : "";

  switch (field)
    {
    case CG_DETAIL_TITLE: set_editable_text (self, GTK_EDITABLE (self->title_row), text); break;
    case CG_DETAIL_DATE:
      set_editable_text (self, GTK_EDITABLE (self->date_row), text);
      show_date_validity (self, TRUE);
      break;
    case CG_DETAIL_FACILITATOR:
      set_editable_text (self, GTK_EDITABLE (self->facilitator_row), text);
      break;
    case CG_DETAIL_CONTEXT: update_context (self, text); break;
    case CG_DETAIL_SCENARIO:
      adw_action_row_set_subtitle (self->scenario_row, text[0]
                                                         ? text
                                                         : _("None: this session did not start "
                                                              "from a workshop template"));
      break;
    default: break;
    }
}

static void
update_hidden (CgSessionPage *self)
{
  gboolean hidden = self->session != NULL && cg_session_get_answers_hidden (self->session);

  if (gtk_switch_get_active (self->hidden_switch) == hidden)
    return;
  self->updating++;
  gtk_switch_set_active (self->hidden_switch, hidden);
  self->updating--;
}

static void
update_all (CgSessionPage *self)
{
  for (CgDetail field = 0; field < CG_N_DETAILS; field++)
    update_detail (self, field);
  update_hidden (self);
}

static void
session_changed_cb (CgSessionPage *self,
                    CgChangeKind   kind,
                    guint          a,
                    guint          b,
                    CgSession     *session)
{
  if (kind == CG_CHANGE_DETAIL && a < CG_N_DETAILS)
    update_detail (self, (CgDetail) a);
  else if (kind == CG_CHANGE_OPTIONS)
    update_hidden (self);
  else if (kind == CG_CHANGE_ALL)
    update_all (self);
}

static void
on_entry_changed (CgSessionPage *self,
                  GtkEditable   *editable)
{
  const char *text = gtk_editable_get_text (editable);
  CgDetail field;

  if (self->updating || self->session == NULL)
    return;

  if (editable == GTK_EDITABLE (self->title_row))
    field = CG_DETAIL_TITLE;
  else if (editable == GTK_EDITABLE (self->facilitator_row))
    field = CG_DETAIL_FACILITATOR;
  else
    {
      /* A half-typed date stays in the entry, marked, and is not stored. */
      gboolean valid = date_is_valid (text);

      show_date_validity (self, valid);
      if (!valid)
        return;
      field = CG_DETAIL_DATE;
    }
  cg_session_set_detail (self->session, field, text);
}

static void
on_context_changed (CgSessionPage *self,
                    GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->session == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cg_session_set_detail (self->session, CG_DETAIL_CONTEXT, text);
}

/* The session option itself, an undoable edit: the page keeps no copy. */
static void
on_hidden_switch_active (CgSessionPage *self,
                         GParamSpec    *pspec,
                         GtkSwitch     *sw)
{
  gboolean active = gtk_switch_get_active (sw);

  if (self->updating || self->session == NULL ||
      cg_session_get_answers_hidden (self->session) == active)
    return;
  cg_session_set_answers_hidden (self->session, active);
}

static void
set_date (CgSessionPage *self,
          GDateTime     *date)
{
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

static void
on_today_clicked (CgSessionPage *self,
                  GtkButton     *button)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  set_date (self, now);
}

static void
on_calendar_popover_show (CgSessionPage *self,
                          GtkPopover    *popover)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr (GDateTime) date = NULL;
  guint year, month, day;

  if (text[0] == '\0' || !date_is_valid (text) ||
      sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return;
  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    return;
  self->updating++;
  gtk_calendar_select_day (self->calendar, date);
  self->updating--;
}

static void
on_calendar_day_selected (CgSessionPage *self,
                          GtkCalendar   *calendar)
{
  g_autoptr (GDateTime) date = NULL;

  if (self->updating)
    return;
  date = gtk_calendar_get_date (calendar);
  set_date (self, date);
  gtk_popover_popdown (self->calendar_popover);
}

static void
cg_session_page_set_session (CgSessionPage *self,
                             CgSession     *session)
{
  if (!g_set_object (&self->session, session))
    return;
  g_signal_group_set_target (self->session_signals, session);

  gtk_widget_set_sensitive (GTK_WIDGET (self->page), session != NULL);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
cg_session_page_dispose (GObject *object)
{
  CgSessionPage *self = CG_SESSION_PAGE (object);

  cg_session_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_SESSION_PAGE);

  G_OBJECT_CLASS (cg_session_page_parent_class)->dispose (object);
}

static void
cg_session_page_finalize (GObject *object)
{
  g_object_unref (CG_SESSION_PAGE (object)->session_signals);
  G_OBJECT_CLASS (cg_session_page_parent_class)->finalize (object);
}

static void
cg_session_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CgSessionPage *self = CG_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_STAGE: g_value_set_int (value, CG_STAGE_SESSION); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_session_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CgSessionPage *self = CG_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: cg_session_page_set_session (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_session_page_class_init (CgSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_session_page_dispose;
  object_class->finalize = cg_session_page_finalize;
  object_class->get_property = cg_session_page_get_property;
  object_class->set_property = cg_session_page_set_property;

  properties[PROP_SESSION] =
    cg_stage_page_override_properties (object_class, PROP_SESSION, PROP_STAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSessionPage, page);
  gtk_widget_class_bind_template_child (widget_class, CgSessionPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, CgSessionPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, CgSessionPage, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, CgSessionPage, date_error);
  gtk_widget_class_bind_template_child (widget_class, CgSessionPage, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, CgSessionPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, CgSessionPage, context_view);
  gtk_widget_class_bind_template_child (widget_class, CgSessionPage, scenario_row);
  gtk_widget_class_bind_template_child (widget_class, CgSessionPage, hidden_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_hidden_switch_active);
}

static void
cg_session_page_init (CgSessionPage *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->session_signals = g_signal_group_new (CG_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "changed", G_CALLBACK (session_changed_cb),
                                 self, G_CONNECT_SWAPPED);

  /* Every keystroke is a session edit, so Ctrl+Z belongs to the session's
   * history (win.undo), not to each entry's own. */
  cg_undo_keys_disable_text_undo (GTK_WIDGET (self->title_row));
  cg_undo_keys_disable_text_undo (GTK_WIDGET (self->date_row));
  cg_undo_keys_disable_text_undo (GTK_WIDGET (self->facilitator_row));
  cg_undo_keys_disable_text_undo (GTK_WIDGET (self->context_view));
  buffer = gtk_text_view_get_buffer (self->context_view);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_context_changed), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
  update_all (self);
}

GtkWidget *
cg_session_page_new (void)
{
  return g_object_new (CG_TYPE_SESSION_PAGE, NULL);
}
