/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-side-scroller"
#include "config.h"

#include "cg-side-scroller.h"

struct _CgSideScroller
{
  GtkWidget parent_instance;

  /* Owned */
  GtkWidget *scroller; /* GtkScrolledWindow: sideways only */
  GtkWidget *viewport; /* scrolls the focused cell into view */

  /* Borrowed */
  GtkWidget *child;
};

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CgSideScroller, cg_side_scroller, GTK_TYPE_WIDGET)

/* The width the child is given for @width of ours: the viewport gives it at
 * least its minimum; a child that does not fill (halign start) then takes
 * no more than its natural width. */
static int
child_width (CgSideScroller *self,
             int             width)
{
  int min = 0, nat = 0;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (width < 0)
    return nat;
  if (gtk_widget_get_halign (self->child) == GTK_ALIGN_FILL)
    return MAX (width, min);
  return CLAMP (width, min, MAX (min, nat));
}

static void
cg_side_scroller_measure (GtkWidget     *widget,
                          GtkOrientation orientation,
                          int            for_size,
                          int           *minimum,
                          int           *natural,
                          int           *minimum_baseline,
                          int           *natural_baseline)
{
  CgSideScroller *self = CG_SIDE_SCROLLER (widget);
  int w, extra = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL || self->child == NULL ||
      !gtk_widget_get_visible (self->child))
    {
      gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }
  w = child_width (self, for_size);
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, w, minimum, natural, NULL, NULL);
  /* A scrollbar that is not overlaid takes its own room under the child. */
  if (for_size >= 0 && w > for_size &&
      !gtk_scrolled_window_get_overlay_scrolling (GTK_SCROLLED_WINDOW (self->scroller)))
    gtk_widget_measure (gtk_scrolled_window_get_hscrollbar (GTK_SCROLLED_WINDOW (self->scroller)),
                        GTK_ORIENTATION_VERTICAL, -1, &extra, NULL, NULL, NULL);
  *minimum += extra;
  *natural = MAX (*natural, *minimum) + extra;
}

static void
cg_side_scroller_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  gtk_widget_allocate (CG_SIDE_SCROLLER (widget)->scroller, width, height, baseline, NULL);
}

static GtkSizeRequestMode
cg_side_scroller_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cg_side_scroller_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CgSideScroller *self = CG_SIDE_SCROLLER (object);

  switch (prop_id)
    {
    case PROP_CHILD: g_value_set_object (value, self->child); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_side_scroller_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CgSideScroller *self = CG_SIDE_SCROLLER (object);

  switch (prop_id)
    {
    case PROP_CHILD: cg_side_scroller_set_child (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_side_scroller_dispose (GObject *object)
{
  CgSideScroller *self = CG_SIDE_SCROLLER (object);

  self->child = NULL;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  G_OBJECT_CLASS (cg_side_scroller_parent_class)->dispose (object);
}

static void
cg_side_scroller_class_init (CgSideScrollerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_side_scroller_dispose;
  object_class->get_property = cg_side_scroller_get_property;
  object_class->set_property = cg_side_scroller_set_property;
  widget_class->measure = cg_side_scroller_measure;
  widget_class->size_allocate = cg_side_scroller_size_allocate;
  widget_class->get_request_mode = cg_side_scroller_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_side_scroller_init (CgSideScroller *self)
{
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  self->viewport = gtk_viewport_new (NULL, NULL);
  /* Keys move through the cells: the one with the focus scrolls into view. */
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (self->viewport), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->viewport);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
cg_side_scroller_new (void)
{
  return g_object_new (CG_TYPE_SIDE_SCROLLER, NULL);
}

GtkWidget *
cg_side_scroller_get_child (CgSideScroller *self)
{
  g_return_val_if_fail (CG_IS_SIDE_SCROLLER (self), NULL);
  return self->child;
}

void
cg_side_scroller_set_child (CgSideScroller *self,
                            GtkWidget      *child)
{
  g_return_if_fail (CG_IS_SIDE_SCROLLER (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  self->child = child;
  gtk_viewport_set_child (GTK_VIEWPORT (self->viewport), child);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
