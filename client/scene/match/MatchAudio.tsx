import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Audio, AudioListener, PositionalAudio } from 'three';
import { ARENA } from '../../../shared/arena.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { useMatchPlayer } from './MatchPlayerContext.tsx';

/**
 * The match's sound: in the arena it comes from the center-hung screen (a positional source, so it
 * is louder under the screen and turns with the head); in the 360° view it is all around. Volume and
 * mute come from the visitor's match preferences. Browsers start audio only after a gesture: the
 * context resumes on the first pointer or key press.
 */
export function MatchAudio() {
  const { store } = useServices();
  const player = useMatchPlayer();
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  const view360 = useApp((s) => s.view360);

  useEffect(() => {
    if (!player) return;
    const listener = new AudioListener();
    camera.add(listener);
    const sound = view360 ? new Audio(listener) : new PositionalAudio(listener);
    if (sound instanceof PositionalAudio) {
      sound.setRefDistance(10);
      sound.setRolloffFactor(0.7);
      sound.setDistanceModel('inverse');
      sound.position.set(0, ARENA.jumbotron.y + ARENA.jumbotron.height / 2, 0);
    }
    scene.add(sound);
    let node: AudioNode | null = null;
    const route = () => {
      const next = player.audioNode(listener.context);
      if (next === node) return;
      if (node) {
        try {
          sound.disconnect();
        } catch {
          // not connected yet
        }
      }
      node = next;
      if (next) {
        next.disconnect();
        sound.setNodeSource(next as unknown as AudioBufferSourceNode);
      }
    };
    route();
    const offAudible = player.onAudibleChange(route);
    // The audible video may load after the change was announced: retry until it is routed.
    const retry = setInterval(route, 1000);
    const volume = () => {
      const p = store.getState().matchPreferences;
      listener.setMasterVolume(p.muted ? 0 : p.volume);
    };
    volume();
    const offPrefs = store.subscribe((s, prev) => {
      if (s.matchPreferences !== prev.matchPreferences) volume();
    });
    const resume = () => {
      if (listener.context.state === 'suspended') void listener.context.resume();
    };
    resume();
    window.addEventListener('pointerdown', resume);
    window.addEventListener('keydown', resume);
    return () => {
      offAudible();
      offPrefs();
      clearInterval(retry);
      window.removeEventListener('pointerdown', resume);
      window.removeEventListener('keydown', resume);
      try {
        if (node) sound.disconnect();
      } catch {
        // already disconnected
      }
      node?.disconnect();
      scene.remove(sound);
      camera.remove(listener);
    };
  }, [player, camera, scene, view360, store]);
  return null;
}
