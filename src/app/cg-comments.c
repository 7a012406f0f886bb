/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-comments"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-appearance.h"
#include "cg-comments.h"
#include "cg-undo-keys.h"

#define COMMIT_DELAY_MS 700

struct _CgComments
{
  GtkWidget parent_instance;

  /* Owned */
  CgSession *session;
  guint lesson;
  guint only_partner;
  GHashTable *pending; /* GtkTextBuffer* with typing not yet written */
  guint commit_source;
  gboolean updating; /* writing the session's text into a buffer */
  gboolean stale;    /* partners changed while the page was not shown */

  /* Borrowed */
  GtkWidget *flow;
};

G_DEFINE_FINAL_TYPE (CgComments, cg_comments, GTK_TYPE_WIDGET)

static guint
buffer_partner (GtkTextBuffer *buffer)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "cg-partner"));
}

static void
commit_buffer (CgComments    *self,
               GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (self->session != NULL &&
      cg_session_lookup_partner (self->session, buffer_partner (buffer)) != NULL)
    cg_session_set_comment (self->session, buffer_partner (buffer), self->lesson, text);
}

void
cg_comments_flush (CgComments *self)
{
  GHashTableIter iter;
  gpointer buffer;

  g_return_if_fail (CG_IS_COMMENTS (self));
  g_clear_handle_id (&self->commit_source, g_source_remove);
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &buffer, NULL))
    commit_buffer (self, buffer);
  g_hash_table_remove_all (self->pending);
}

static gboolean
on_commit_timeout (gpointer data)
{
  CgComments *self = data;

  self->commit_source = 0;
  cg_comments_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   CgComments    *self)
{
  if (self->updating)
    return;
  g_hash_table_add (self->pending, g_object_ref (buffer));
  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (COMMIT_DELAY_MS, on_commit_timeout, self);
}

/* Ctrl+Z right after typing takes back that typing: it is written first. */
static void
commit_before_undo (GtkWidget *widget)
{
  cg_comments_flush (CG_COMMENTS (widget));
}

static void
on_view_leave (GtkEventControllerFocus *focus,
               CgComments              *self)
{
  cg_comments_flush (self);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  g_autofree char *colour = cg_appearance_partner_colour (cg_appearance_get_default (), data);
  GdkRGBA rgba;

  /* High contrast draws the partner's colour as the charts do (7:1). */
  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    return;
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* A colour dot and the partner's name, on one line. */
static GtkWidget *
comment_header_new (const CgPartner *p)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = gtk_drawing_area_new ();
  GtkWidget *name = gtk_label_new (p->name);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 16);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_swatch, g_strdup (p->colour),
                                  g_free);
  cg_appearance_redraw_on_change (cg_appearance_get_default (), dot);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), name);
  return box;
}

static GtkWidget *
make_box (CgComments      *self,
          const CgPartner *p)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = comment_header_new (p);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *spoken = g_strdup_printf (_("Comment from %s"), p->name);
  GtkWidget *note;

  gtk_widget_set_halign (header, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), header);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  cg_undo_keys_disable_text_undo (view);
  gtk_widget_add_css_class (view, "card");
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, cg_session_get_comment (self->session, p->id, self->lesson),
                            -1);
  self->updating = FALSE;
  g_object_set_data (G_OBJECT (buffer), "cg-partner", GUINT_TO_POINTER (p->id));
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_view_leave), self);
  gtk_widget_add_controller (view, focus);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (box), scroller);
  note = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (note), 0.0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "comment-hidden");
  gtk_box_append (GTK_BOX (box), note);
  g_object_set_data (G_OBJECT (box), "cg-scroller", scroller);
  g_object_set_data (G_OBJECT (box), "cg-note", note);
  gtk_widget_set_size_request (box, 260, -1);
  g_object_set_data (G_OBJECT (box), "cg-partner", GUINT_TO_POINTER (p->id));
  g_object_set_data (G_OBJECT (box), "cg-buffer", buffer);
  return box;
}

/* While the stage's answers are hidden, the room sees only whether each
 * partner has written a comment, as it sees only that a cell is filled;
 * in private entry the partner at the laptop sees and writes their own. */
static gboolean
comments_hidden (CgComments *self)
{
  return self->session != NULL && self->only_partner == 0 &&
         !cg_session_answers_visible (self->session, CG_STAGE_FOR_LESSON (self->lesson));
}

static void
update_box (CgComments *self,
            GtkWidget  *box,
            gboolean    hidden)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "cg-partner"));
  GtkWidget *note = g_object_get_data (G_OBJECT (box), "cg-note");
  const char *text =
    self->session != NULL ? cg_session_get_comment (self->session, id, self->lesson) : "";

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "cg-scroller"), !hidden);
  gtk_widget_set_visible (note, hidden);
  gtk_label_set_text (GTK_LABEL (note),
                      text != NULL && *text != '\0'
                        ? _("● Comment written: hidden until the answers are revealed")
                        : _("No comment yet: pass the laptop to write one"));
}

static void
apply_only_partner (CgComments *self)
{
  gboolean hidden = comments_hidden (self);

  for (GtkWidget *c = gtk_widget_get_first_child (self->flow); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));
      guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "cg-partner"));

      gtk_widget_set_visible (c, self->only_partner == 0 || self->only_partner == id);
      update_box (self, box, hidden);
    }
}

static void
rebuild (CgComments *self)
{
  GtkWidget *child;
  guint n = self->session != NULL ? cg_session_get_n_partners (self->session) : 0;

  cg_comments_flush (self);
  while ((child = gtk_widget_get_first_child (self->flow)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flow), child);
  for (guint i = 0; i < n; i++)
    {
      const CgPartner *p = cg_session_get_partner (self->session, i);

      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), make_box (self, p));
      child = gtk_widget_get_last_child (self->flow);
      gtk_widget_set_focusable (child, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      p->name, -1);
    }
  apply_only_partner (self);
}

static void
on_comment_changed (CgComments *self,
                    guint       partner_id)
{
  for (GtkWidget *c = gtk_widget_get_first_child (self->flow); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));
      GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (box), "cg-buffer");
      GtkTextIter start, end;
      g_autofree char *text = NULL;
      const char *stored;

      if (buffer_partner (buffer) != partner_id)
        continue;
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      stored = cg_session_get_comment (self->session, partner_id, self->lesson);
      if (g_strcmp0 (text, stored) != 0 && !g_hash_table_contains (self->pending, buffer))
        {
          self->updating = TRUE;
          gtk_text_buffer_set_text (buffer, stored, -1);
          self->updating = FALSE;
        }
    }
}

static void
on_session_changed (CgSession   *session,
                    CgChangeKind kind,
                    guint        a,
                    guint        b,
                    CgComments  *self)
{
  switch (kind)
    {
    case CG_CHANGE_COMMENT:
      if (b == self->lesson)
        {
          on_comment_changed (self, a);
          apply_only_partner (self);
        }
      break;
    case CG_CHANGE_OPTIONS: apply_only_partner (self); break;
    case CG_CHANGE_PARTNER:
    case CG_CHANGE_PARTNER_ADDED:
    case CG_CHANGE_PARTNER_REMOVED:
    case CG_CHANGE_PARTNERS_MOVED:
    case CG_CHANGE_ALL:
      /* Typing a partner's name on the Partners stage changes it at every
       * key: the lesson pages' comment boxes are made again when shown. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        rebuild (self);
      else
        self->stale = TRUE;
      break;
    default: break;
    }
}

static void
cg_comments_map (GtkWidget *widget)
{
  CgComments *self = CG_COMMENTS (widget);

  GTK_WIDGET_CLASS (cg_comments_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      rebuild (self);
    }
}

void
cg_comments_set_session (CgComments *self,
                         CgSession  *session)
{
  g_return_if_fail (CG_IS_COMMENTS (self));

  if (self->session == session)
    return;
  cg_comments_flush (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, 0);
  self->only_partner = 0;
  rebuild (self);
}

void
cg_comments_set_lesson (CgComments *self,
                        guint       lesson)
{
  g_return_if_fail (CG_IS_COMMENTS (self));
  g_return_if_fail (lesson < CG_N_LESSONS);
  cg_comments_flush (self);
  self->lesson = lesson;
  rebuild (self);
}

void
cg_comments_set_only_partner (CgComments *self,
                              guint       partner_id)
{
  g_return_if_fail (CG_IS_COMMENTS (self));
  self->only_partner = partner_id;
  apply_only_partner (self);
}

static void
cg_comments_dispose (GObject *object)
{
  CgComments *self = CG_COMMENTS (object);

  if (self->pending != NULL)
    cg_comments_flush (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->flow, gtk_widget_unparent);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  G_OBJECT_CLASS (cg_comments_parent_class)->dispose (object);
}

static void
cg_comments_class_init (CgCommentsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cg_comments_dispose;
  GTK_WIDGET_CLASS (klass)->map = cg_comments_map;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "cg-comments");
}

static void
cg_comments_init (CgComments *self)
{
  self->pending = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comments from each partner"), -1);
  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));
  cg_undo_keys_commit_first (GTK_WIDGET (self), commit_before_undo);
}

GtkWidget *
cg_comments_new (guint lesson)
{
  CgComments *self = g_object_new (CG_TYPE_COMMENTS, NULL);

  self->lesson = lesson;
  return GTK_WIDGET (self);
}
