import { Component, type ReactNode } from 'react';

export interface ModelBoundaryProps {
  /** Drawn instead of the model when it fails to load (e.g. a missing .glb). */
  fallback: ReactNode;
  children: ReactNode;
}

/** Catches a model's load error so one missing asset leaves a stand-in, not a blank arena. */
export class ModelBoundary extends Component<ModelBoundaryProps, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: unknown): void {
    console.warn('[courtside] product model failed to load:', error);
  }
  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
