/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-presentation"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-appearance.h"
#include "cg-presentation-content.h"
#include "cg-presentation-room.h"
#include "cg-presentation-window.h"
#include "cg-timer-button.h"

#define FLASH_MS 500

struct _CgPresentationWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkLabel *stage_label;
  GtkLabel *position_label;
  GtkLabel *timer_label;
  GtkScrolledWindow *scroller;
  GtkBox *holder;
  CgPresentationRoom room_view; /* its widgets, and the room it shows */

  /* Borrowed: the main window (weak) and what it holds */
  CgWindow *main_window;
  CgSession *session;
  CgTimer *timer;

  /* Owned */
  CgPresentationContent content;
  GtkCssProvider *size_css;
  CgStage stage;
  guint item;
  int base_px;
  guint rebuild_id;
  guint room_id;
  guint size_id;
  guint flash_id;
  gboolean flash_on;
};

G_DEFINE_FINAL_TYPE (CgPresentationWindow, cg_presentation_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
update_room (CgPresentationWindow *self)
{
  g_clear_handle_id (&self->room_id, g_source_remove);
  cg_presentation_room_update (&self->room_view, self->session, self->stage, self->base_px);
}

static gboolean
update_room_cb (gpointer user_data)
{
  CgPresentationWindow *self = user_data;

  self->room_id = 0;
  update_room (self);
  return G_SOURCE_REMOVE;
}

/* A room of phones answers in bursts: one count per burst. */
static void
queue_update_room (CgPresentationWindow *self)
{
  if (self->room_id == 0)
    self->room_id = g_idle_add (update_room_cb, self);
}

/* The main window makes a new room with every session. */
static void
set_room (CgPresentationWindow *self,
          CgRoom               *room)
{
  if (self->room_view.room == room)
    return;
  if (self->room_view.room != NULL)
    g_signal_handlers_disconnect_by_data (self->room_view.room, self);
  g_set_object (&self->room_view.room, room);
  if (room != NULL)
    {
      g_signal_connect_object (room, "notify::open", G_CALLBACK (update_room), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (room, "notify::url", G_CALLBACK (update_room), self,
                               G_CONNECT_SWAPPED);
    }
  update_room (self);
}

/* Private entry (the main window's "private-partner"): while the laptop
 * is with one partner, the room sees no answers at all. */
static gboolean
private_entry (CgPresentationWindow *self)
{
  return self->main_window != NULL && cg_window_get_private_partner (self->main_window) != 0;
}

static void
rebuild (CgPresentationWindow *self)
{
  g_autofree char *stage_text = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->content.widget != NULL)
    gtk_box_remove (self->holder, self->content.widget);
  cg_presentation_content_clear (&self->content);
  if (self->session == NULL)
    return;
  self->item = MIN (self->item, cg_presentation_count_items (self->session, self->stage) - 1);
  cg_presentation_content_build (self->session, self->stage, self->item, private_entry (self),
                                 &self->content);
  gtk_box_append (self->holder, self->content.widget);

  if (CG_STAGE_IS_LESSON (self->stage))
    stage_text = g_strdup_printf (_("Lesson %u: %s"), CG_LESSON_FOR_STAGE (self->stage) + 1,
                                  cg_stage_get_title (self->stage));
  else
    stage_text = g_strdup (cg_stage_get_title (self->stage));
  gtk_label_set_text (self->stage_label, stage_text);
  gtk_label_set_text (self->position_label, self->content.position ? self->content.position : "");
  gtk_widget_set_visible (GTK_WIDGET (self->position_label), self->content.position != NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_room (self);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  CgPresentationWindow *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (CgPresentationWindow *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

/* Charts redraw by themselves on answers; the words around them (texts,
 * the talk-first list, the charter) are rebuilt. */
static void
on_session_changed (CgSession            *session,
                    CgChangeKind          kind,
                    guint                 a,
                    guint                 b,
                    CgPresentationWindow *self)
{
  gboolean answer =
    kind == CG_CHANGE_RATING || kind == CG_CHANGE_INVOLVEMENT || kind == CG_CHANGE_COMMENT;

  if (!answer || self->stage == CG_STAGE_REVIEW || self->stage == CG_STAGE_CHARTER)
    queue_rebuild (self);
  else
    queue_update_room (self); /* the answered count, or the code gives way to it */
}

static void
set_session (CgPresentationWindow *self,
             CgSession            *session)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  self->session = session;
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, 0);
  rebuild (self);
}

static void
on_main_session (CgWindow             *main_window,
                 GParamSpec           *pspec,
                 CgPresentationWindow *self)
{
  set_room (self, cg_window_get_room (main_window));
  set_session (self, cg_window_get_session (main_window));
}

/* Bound to the main window's "stage": a new stage opens on its first item. */
static void
set_stage (CgPresentationWindow *self,
           CgStage               stage)
{
  if (stage == self->stage)
    return;
  self->stage = stage;
  self->item = 0;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

/* On a rating stage the view shows the row the facilitator is on. */
static void
on_main_item (CgWindow             *main_window,
              GParamSpec           *pspec,
              CgPresentationWindow *self)
{
  guint id = cg_window_get_current_item (main_window);
  int item;

  if (id == 0 || self->session == NULL ||
      !(CG_STAGE_IS_LESSON (self->stage) || self->stage == CG_STAGE_AIMS))
    return;
  item = cg_presentation_item_for_id (self->session, self->stage, id);
  if (item >= 0)
    cg_presentation_window_set_item (self, item);
}

/* The main window follows every stage page's capture bar, including the
 * pages made after this view opened. */
static void
on_private_changed (CgWindow             *main_window,
                    GParamSpec           *pspec,
                    CgPresentationWindow *self)
{
  queue_rebuild (self);
}

/* Timer ------------------------------------------------------------------ */

static void
update_timer (CgPresentationWindow *self)
{
  CgTimerState state = cg_timer_get_state (self->timer);
  g_autofree char *text = cg_timer_format (cg_timer_get_remaining (self->timer));
  g_autofree char *a11y = cg_timer_describe (self->timer);

  gtk_label_set_text (self->timer_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timer_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  a11y, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_label), state != CG_TIMER_STOPPED);
  cg_timer_style_widget (GTK_WIDGET (self->timer_label), self->timer, self->flash_on);
}

static gboolean
flash_cb (gpointer user_data)
{
  CgPresentationWindow *self = user_data;

  self->flash_on = !self->flash_on;
  update_timer (self);
  return G_SOURCE_CONTINUE;
}

static void
on_timer_notify (CgTimer              *timer,
                 GParamSpec           *pspec,
                 CgPresentationWindow *self)
{
  gboolean finished = cg_timer_get_state (timer) == CG_TIMER_FINISHED;

  if (finished && self->flash_id == 0)
    {
      self->flash_on = TRUE;
      self->flash_id = g_timeout_add (FLASH_MS, flash_cb, self);
    }
  else if (!finished)
    {
      g_clear_handle_id (&self->flash_id, g_source_remove);
      self->flash_on = FALSE;
    }
  update_timer (self);
}

/* Size ------------------------------------------------------------------- */

static gboolean
apply_size_cb (gpointer user_data)
{
  CgPresentationWindow *self = user_data;
  g_autofree char *css = g_strdup_printf ("window { font-size: %dpx; }", self->base_px);

  self->size_id = 0;
  gtk_css_provider_load_from_data (self->size_css, css, -1);
  update_room (self);
  return G_SOURCE_REMOVE;
}

/* Type follows the screen: the same share of the height on any projector.
 * The CSS changes after the allocation, never inside it. */
static void
cg_presentation_window_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  CgPresentationWindow *self = CG_PRESENTATION_WINDOW (widget);
  int base = CLAMP ((int) (height * CG_PRESENTATION_BASE_RATIO + 0.5), 16, 80);

  GTK_WIDGET_CLASS (cg_presentation_window_parent_class)
    ->size_allocate (widget, width, height, baseline);
  if (base != self->base_px)
    {
      self->base_px = base;
      if (self->size_id == 0)
        self->size_id = g_idle_add (apply_size_cb, self);
    }
}

/* Public ------------------------------------------------------------------ */

CgStage
cg_presentation_window_get_stage (CgPresentationWindow *self)
{
  g_return_val_if_fail (CG_IS_PRESENTATION_WINDOW (self), CG_STAGE_SESSION);
  return self->stage;
}

guint
cg_presentation_window_get_item (CgPresentationWindow *self)
{
  g_return_val_if_fail (CG_IS_PRESENTATION_WINDOW (self), 0);
  return self->item;
}

void
cg_presentation_window_set_item (CgPresentationWindow *self,
                                 guint                 item)
{
  g_return_if_fail (CG_IS_PRESENTATION_WINDOW (self));

  if (self->session != NULL)
    item = MIN (item, cg_presentation_count_items (self->session, self->stage) - 1);
  if (item == self->item && self->content.widget != NULL)
    return;
  self->item = item;
  rebuild (self);
}

void
cg_presentation_window_step (CgPresentationWindow *self,
                             int                   delta)
{
  guint n;

  g_return_if_fail (CG_IS_PRESENTATION_WINDOW (self));
  if (self->session == NULL || self->main_window == NULL)
    return;
  n = cg_presentation_count_items (self->session, self->stage);
  if (delta > 0 && self->item + 1 < n)
    cg_presentation_window_set_item (self, self->item + 1);
  else if (delta < 0 && self->item > 0)
    cg_presentation_window_set_item (self, self->item - 1);
  else if (delta > 0 && self->stage + 1 < CG_N_STAGES)
    cg_window_set_stage (self->main_window, self->stage + 1);
  else if (delta < 0 && self->stage > 0)
    {
      CgStage from = self->stage;

      /* Back into the previous stage lands on its last item; in private
       * entry the main window stays where it is. */
      cg_window_set_stage (self->main_window, self->stage - 1);
      if (self->stage != from)
        cg_presentation_window_set_item (self, G_MAXUINT);
    }
}

GtkWidget *
cg_presentation_window_get_main_label (CgPresentationWindow *self)
{
  g_return_val_if_fail (CG_IS_PRESENTATION_WINDOW (self), NULL);
  return self->content.main_label;
}

GtkWidget *
cg_presentation_window_get_content (CgPresentationWindow *self)
{
  g_return_val_if_fail (CG_IS_PRESENTATION_WINDOW (self), NULL);
  return self->content.widget;
}

GtkWidget *
cg_presentation_window_get_timer_label (CgPresentationWindow *self)
{
  g_return_val_if_fail (CG_IS_PRESENTATION_WINDOW (self), NULL);
  return GTK_WIDGET (self->timer_label);
}

GtkWidget *
cg_presentation_window_get_answered_label (CgPresentationWindow *self)
{
  g_return_val_if_fail (CG_IS_PRESENTATION_WINDOW (self), NULL);
  return GTK_WIDGET (self->room_view.answered_label);
}

GtkWidget *
cg_presentation_window_get_join_qr (CgPresentationWindow *self)
{
  g_return_val_if_fail (CG_IS_PRESENTATION_WINDOW (self), NULL);
  return GTK_WIDGET (self->room_view.join_qr);
}

int
cg_presentation_window_get_base_px (CgPresentationWindow *self)
{
  g_return_val_if_fail (CG_IS_PRESENTATION_WINDOW (self), 0);
  return self->base_px;
}

/* A second monitor when there is one: the facilitator keeps the main window
 * on the laptop. Otherwise the main window's own monitor. */
static GdkMonitor *
choose_monitor (CgPresentationWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkMonitor *main_monitor = NULL;
  GtkNative *native = self->main_window ? GTK_NATIVE (self->main_window) : NULL;
  GdkSurface *surface = native ? gtk_native_get_surface (native) : NULL;

  if (surface != NULL)
    main_monitor = gdk_display_get_monitor_at_surface (display, surface);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (main_monitor != NULL && monitor != main_monitor)
        return monitor;
    }
  return main_monitor;
}

void
cg_presentation_window_show (CgPresentationWindow *self)
{
  GdkMonitor *monitor;

  g_return_if_fail (CG_IS_PRESENTATION_WINDOW (self));

  monitor = choose_monitor (self);
  if (monitor != NULL)
    {
      GdkRectangle area;

      /* The monitor's size also as the window's own, for a window manager
       * that does not do fullscreen (or none at all). */
      gdk_monitor_get_geometry (monitor, &area);
      gtk_window_set_default_size (GTK_WINDOW (self), area.width, area.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

/* Actions ----------------------------------------------------------------- */

static void
step_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  CgPresentationWindow *self = CG_PRESENTATION_WINDOW (widget);

  if (g_str_equal (name, "presentation.next"))
    cg_presentation_window_step (self, +1);
  else if (g_str_equal (name, "presentation.previous"))
    cg_presentation_window_step (self, -1);
  else if (g_str_equal (name, "presentation.first"))
    cg_presentation_window_set_item (self, 0);
  else if (g_str_equal (name, "presentation.last"))
    cg_presentation_window_set_item (self, G_MAXUINT);
}

/* Down and Up first scroll an item taller than the screen (the role
 * matrix of a big partnership), then step like Page Down and Page Up. */
static void
scroll_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  CgPresentationWindow *self = CG_PRESENTATION_WINDOW (widget);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (adj);
  double page = gtk_adjustment_get_page_size (adj);
  double top = gtk_adjustment_get_upper (adj) - page;
  int delta = g_str_equal (name, "presentation.scroll-down") ? +1 : -1;

  if ((delta > 0 && value < top - 1) || (delta < 0 && value > 1))
    gtk_adjustment_set_value (adj, CLAMP (value + delta * page * 0.5, 0, top));
  else
    cg_presentation_window_step (self, delta);
}

static void
leave_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.scroll-down", NULL, scroll_action);
  gtk_widget_class_install_action (widget_class, "presentation.scroll-up", NULL, scroll_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
}

/* The keys are caught before any child sees them: as class bindings they
 * came after GtkWindow's own, which take the arrows for moving the focus,
 * so Left and Right never stepped; and the scrolled window would take
 * Page Up and Page Down. Nothing in this window is edited by typing. */
static void
install_keys (CgPresentationWindow *self)
{
  static const struct
  {
    guint key;
    const char *action;
  } keys[] = {
    { GDK_KEY_Page_Down, "presentation.next" },      { GDK_KEY_Right, "presentation.next" },
    { GDK_KEY_Down, "presentation.scroll-down" },    { GDK_KEY_space, "presentation.next" },
    { GDK_KEY_KP_Page_Down, "presentation.next" },   { GDK_KEY_KP_Right, "presentation.next" },
    { GDK_KEY_Page_Up, "presentation.previous" },    { GDK_KEY_Left, "presentation.previous" },
    { GDK_KEY_Up, "presentation.scroll-up" },        { GDK_KEY_BackSpace, "presentation.previous" },
    { GDK_KEY_KP_Page_Up, "presentation.previous" }, { GDK_KEY_KP_Left, "presentation.previous" },
    { GDK_KEY_Home, "presentation.first" },          { GDK_KEY_End, "presentation.last" },
    { GDK_KEY_Escape, "presentation.leave" },        { GDK_KEY_F5, "presentation.leave" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "presentation-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* GObject ------------------------------------------------------------------ */

static void
cg_presentation_window_dispose (GObject *object)
{
  CgPresentationWindow *self = CG_PRESENTATION_WINDOW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->room_id, g_source_remove);
  g_clear_handle_id (&self->size_id, g_source_remove);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  self->session = NULL;
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->timer);
  g_clear_weak_pointer (&self->main_window);
  set_room (self, NULL);
  cg_presentation_room_clear (&self->room_view);
  cg_presentation_content_clear (&self->content);
  G_OBJECT_CLASS (cg_presentation_window_parent_class)->dispose (object);
}

static void
cg_presentation_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  if (prop_id == PROP_STAGE)
    g_value_set_uint (value, CG_PRESENTATION_WINDOW (object)->stage);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_presentation_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  if (prop_id == PROP_STAGE)
    set_stage (CG_PRESENTATION_WINDOW (object), g_value_get_uint (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_presentation_window_finalize (GObject *object)
{
  CgPresentationWindow *self = CG_PRESENTATION_WINDOW (object);

  g_clear_object (&self->size_css);
  G_OBJECT_CLASS (cg_presentation_window_parent_class)->finalize (object);
}

static void
cg_presentation_window_class_init (CgPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CG_TYPE_QR_WIDGET);
  object_class->dispose = cg_presentation_window_dispose;
  object_class->finalize = cg_presentation_window_finalize;
  object_class->get_property = cg_presentation_window_get_property;
  object_class->set_property = cg_presentation_window_set_property;
  widget_class->size_allocate = cg_presentation_window_size_allocate;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgPresentationWindow, stage_label);
  gtk_widget_class_bind_template_child (widget_class, CgPresentationWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, CgPresentationWindow, timer_label);
  gtk_widget_class_bind_template_child (widget_class, CgPresentationWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, CgPresentationWindow, holder);
  gtk_widget_class_bind_template_child_full (
    widget_class, "answered_label", FALSE,
    G_STRUCT_OFFSET (CgPresentationWindow, room_view.answered_label));
  gtk_widget_class_bind_template_child_full (
    widget_class, "join_box", FALSE, G_STRUCT_OFFSET (CgPresentationWindow, room_view.join_box));
  gtk_widget_class_bind_template_child_full (
    widget_class, "join_qr", FALSE, G_STRUCT_OFFSET (CgPresentationWindow, room_view.join_qr));
  gtk_widget_class_bind_template_child_full (
    widget_class, "join_url_label", FALSE,
    G_STRUCT_OFFSET (CgPresentationWindow, room_view.join_url_label));
  gtk_widget_class_bind_template_child_full (
    widget_class, "join_key_label", FALSE,
    G_STRUCT_OFFSET (CgPresentationWindow, room_view.join_key_label));
  install_actions (widget_class);

  /* The stage shown (the main window's, bound). */
  properties[PROP_STAGE] =
    g_param_spec_uint ("stage", NULL, NULL, 0, CG_N_STAGES - 1, CG_STAGE_SESSION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_presentation_window_init (CgPresentationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
  install_keys (self);
  self->size_css = gtk_css_provider_new ();
  self->base_px = 30;
  apply_size_cb (self);
  /* Only this window's base size: descendants inherit it, and the
   * stylesheet sizes everything in em from it. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->size_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 3);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

CgPresentationWindow *
cg_presentation_window_new (CgWindow *main_window)
{
  CgPresentationWindow *self;

  g_return_val_if_fail (CG_IS_WINDOW (main_window), NULL);

  self = g_object_new (CG_TYPE_PRESENTATION_WINDOW, "application",
                       gtk_window_get_application (GTK_WINDOW (main_window)), NULL);
  g_set_weak_pointer (&self->main_window, main_window);
  /* Unbound when either window goes. */
  g_object_bind_property (main_window, "stage", self, "stage", G_BINDING_SYNC_CREATE);
  self->timer = g_object_ref (cg_window_get_timer (main_window));
  g_signal_connect_object (self->timer, "notify", G_CALLBACK (on_timer_notify), self, 0);
  g_signal_connect_object (main_window, "notify::session", G_CALLBACK (on_main_session), self, 0);
  g_signal_connect_object (main_window, "notify::current-item", G_CALLBACK (on_main_item), self, 0);
  /* The partners' colour dots are markup: high contrast changes them. */
  g_signal_connect_object (cg_appearance_get_default (), "notify::high-contrast",
                           G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cg_appearance_get_default (), "notify::dark", G_CALLBACK (queue_rebuild),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (main_window, "notify::private-partner", G_CALLBACK (on_private_changed),
                           self, 0);
  set_room (self, cg_window_get_room (main_window));
  set_session (self, cg_window_get_session (main_window));
  on_main_item (main_window, NULL, self);
  update_timer (self);
  return self;
}
